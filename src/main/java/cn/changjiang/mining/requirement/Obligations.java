package cn.changjiang.mining.requirement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.Patch;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.audit.AuditTrail;
import cn.changjiang.mining.plan.Unit;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's dated obligations: which are due or overdue, who has met them, and the office's record that a unit met
 * one on a date, with its change record.
 */
@Service
public class Obligations {

    private static final int LONGEST_NOTE = 2_000;

    private final RequirementQueries queries;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock;

    Obligations(RequirementQueries queries, AuditTrail audit, Access access, Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The unit's id, from its id, official name or alias; unknown names are refused. */
    String unitId(String argument, String unit) {
        return unit == null ? null : queries.unitNamed(unit).map(Unit::id)
                .orElseThrow(() -> new NotFoundException(argument, "No unit with id, name or alias " + unit));
    }

    /** A status says who has met what, which is for signed-in readers; the obligations themselves are public. */
    List<Obligation> obligations(ObligationStatus status, String unit, Viewer viewer) {
        if (status != null) {
            access.requireSignedIn(viewer);
        }
        return queries.obligations(status, unitId("unit", unit), today());
    }

    @Transactional
    public Obligation.RecordMetPayload recordMet(Obligation.RecordMetInput input, Actor actor) {
        access.require(actor.viewer(), Role.OFFICE);
        if (input.metOn().isAfter(today())) {
            throw new InvalidInputException("input.metOn", "An obligation cannot be met on a day still to come");
        }
        Obligation obligation = queries.obligation(input.obligationId())
                .orElseThrow(() -> new NotFoundException("input.obligationId", "No obligation with id " + input.obligationId()));
        String unitId = unitId("input.unit", input.unit());
        Obligation.MetRecord before = queries.lockForRecording(obligation.id(), unitId).orElseThrow();
        if (!before.debtor()) {
            throw new InvalidInputException("input.unit", "Unit " + unitId + " does not owe " + obligation.id());
        }
        Map<String, Object> was = new HashMap<>();
        was.put("metOn:" + unitId, before.metOn());
        was.put("note:" + unitId, before.note());
        Patch patch = Patch.of(was)
                .derive("metOn:" + unitId, input.metOn())
                .set("note:" + unitId, input.note(), note -> {
                    if (note.length() > LONGEST_NOTE) {
                        throw new InvalidInputException("input.note", "A note has at most " + LONGEST_NOTE + " characters");
                    }
                    return note;
                });
        Obligation.Standing standing = queries.recordMet(obligation.id(), unitId, input.metOn(),
                (String) patch.get("note:" + unitId), actor.name(), today());
        audit.append(actor, "recordObligationMet", "Obligation", obligation.id(),
                AuditTrail.diff(patch.changedBefore(), patch.changedAfter()));
        return new Obligation.RecordMetPayload(obligation, standing);
    }
}
