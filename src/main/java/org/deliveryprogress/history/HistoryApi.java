package org.deliveryprogress.history;

import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What has been: the dashboard and plans' histories, as JSON, for the same people as their pages. */
@RestController
@Tag(name = "Dashboard and history")
@Transactional(readOnly = true)
class HistoryApi {

    private final RegisterAccess access;
    private final Dashboards dashboards;
    private final PlanHistories histories;

    HistoryApi(RegisterAccess access, Dashboards dashboards, PlanHistories histories) {
        this.access = access;
        this.dashboards = dashboards;
        this.histories = histories;
    }

    @GetMapping("/api/networks/{code}/dashboard")
    @Operation(summary = "The open cycle's progress by plan and officer, and every plan's status cycle by cycle "
            + "(the network's managers)")
    Dashboard dashboard(@PathVariable String code) {
        return dashboards.of(access.networkToManage(code, Viewer.current()));
    }

    @GetMapping("/api/plans/{reference}/history")
    @Operation(summary = "A plan's returns quarter by quarter, with the evidence each update gave and who did what "
            + "when, and each indicator's values period by period (its officers and managers)")
    PlanHistory history(@PathVariable String reference) {
        return histories.of(access.plan(reference, Viewer.current()));
    }
}
