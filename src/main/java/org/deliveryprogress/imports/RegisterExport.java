package org.deliveryprogress.imports;

import java.util.List;

import org.deliveryprogress.networks.Network;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A network's register as spreadsheets, in the layouts an import reads: importing an export changes nothing. */
@Service
@Transactional(readOnly = true)
public class RegisterExport {

    private final DeliveryPlanRepository plans;
    private final IndicatorValueRepository values;

    RegisterExport(DeliveryPlanRepository plans, IndicatorValueRepository values) {
        this.plans = plans;
        this.values = values;
    }

    public byte[] csv(Network network, RegisterLayout layout) {
        return Tables.writeCsv(layout.columns(), rows(network, layout));
    }

    public byte[] xlsx(Network network, RegisterLayout layout) {
        return Tables.writeXlsx(layout.fileName(), layout.columns(), rows(network, layout));
    }

    private List<List<String>> rows(Network network, RegisterLayout layout) {
        return layout.rowsOf(plans.findByNetworkOrderByReference(network), values::seriesOf);
    }
}
