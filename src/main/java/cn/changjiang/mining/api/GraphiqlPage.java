package cn.changjiang.mining.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** GraphiQL from the jar's own assets (WebJars), so it works on an intranet with no internet access. */
@Controller
class GraphiqlPage {

    @GetMapping("/graphiql")
    String graphiql() {
        return "forward:/graphiql/index.html";
    }
}
