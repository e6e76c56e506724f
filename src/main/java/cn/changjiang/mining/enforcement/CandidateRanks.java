package cn.changjiang.mining.enforcement;

import java.time.Duration;

import cn.changjiang.mining.graph.ClusterLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Each night, ranks again the mines whose kept rank among joint-enforcement candidates a deadline passed the day before
 * has made stale ({@link JointEnforcementCandidate#RANK_MINE}). The list is right without it (it ranks such mines
 * as it reads them); this keeps the number it must rank that way small. With several instances, the one that takes
 * the night's lease does it ({@link ClusterLease}).
 */
@Configuration
@EnableScheduling
class CandidateRanks {

    private static final Logger log = LoggerFactory.getLogger(CandidateRanks.class);

    private final EnforcementQueries queries;
    private final ClusterLease lease;

    CandidateRanks(EnforcementQueries queries, ClusterLease lease) {
        this.queries = queries;
        this.lease = lease;
    }

    @Scheduled(cron = "${accountability.enforcement.rank-refresh-cron:0 5 0 * * *}")
    void rankStaleMines() {
        if (!lease.take("candidate-ranks", Duration.ofHours(1))) {
            return;
        }
        log.info("Ranked again {} mines whose joint-enforcement rank a passed deadline had made stale",
                queries.rankStaleMines());
    }
}
