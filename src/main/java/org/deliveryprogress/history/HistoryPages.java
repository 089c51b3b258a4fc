package org.deliveryprogress.history;

import java.util.List;

import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorCharts;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class HistoryPages {

    private final RegisterAccess access;
    private final Dashboards dashboards;
    private final PlanHistories histories;
    private final IndicatorValueRepository indicatorValues;

    HistoryPages(RegisterAccess access, Dashboards dashboards, PlanHistories histories,
            IndicatorValueRepository indicatorValues) {
        this.access = access;
        this.dashboards = dashboards;
        this.histories = histories;
        this.indicatorValues = indicatorValues;
    }

    @GetMapping("/networks/{code}/dashboard")
    @Transactional(readOnly = true)
    String dashboard(@PathVariable String code, Model model) {
        model.addAttribute("dashboard", dashboards.of(access.networkToManage(code, Viewer.current())));
        return "dashboard";
    }

    @GetMapping("/plans/{reference}/history")
    @Transactional(readOnly = true)
    String history(@PathVariable String reference, Model model) {
        DeliveryPlan plan = access.plan(reference, Viewer.current());
        List<IndicatorValue> series = indicatorValues.seriesOf(plan);
        model.addAttribute("history", histories.of(plan, series));
        model.addAttribute("charts", IndicatorCharts.of(plan, series, "indicator-chart-"));
        return "plan-history";
    }
}
