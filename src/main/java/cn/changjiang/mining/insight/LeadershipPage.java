package cn.changjiang.mining.insight;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leadership page (领导视图): the campaign's progress by phase and task, units ranked by overdue and on-time
 * problems, 挂牌督办, 联合执法 candidates by township, and a drill-down from a unit to a problem to its chain, drawn
 * with Apache ECharts. Like the network page every asset comes from the jar, under the same security policy
 * ({@link NetworkPage#asset}), and it reads only through the public GraphQL API with the signed-in user's token (optionally {@code asOf} the end of a chosen day).
 */
@RestController
class LeadershipPage {

    @GetMapping(path = "/leadership", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() throws IOException {
        return NetworkPage.asset("leadership/index.html", MediaType.TEXT_HTML);
    }

    @GetMapping(path = "/leadership/leadership.js")
    ResponseEntity<String> script() throws IOException {
        return NetworkPage.asset("leadership/leadership.js", MediaType.valueOf("text/javascript"));
    }
}
