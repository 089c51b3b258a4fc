package org.deliveryprogress.imports;

import org.deliveryprogress.networks.Network;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A network's register as spreadsheets, in the layouts an import reads: importing an export changes nothing. */
@Service
@Transactional(readOnly = true)
public class RegisterExport {

    private final DeliveryPlanRepository plans;

    RegisterExport(DeliveryPlanRepository plans) {
        this.plans = plans;
    }

    public byte[] csv(Network network, RegisterLayout layout) {
        return Tables.writeCsv(layout.columns(), layout.rowsOf(plans.findByNetworkOrderByReference(network)));
    }

    public byte[] xlsx(Network network, RegisterLayout layout) {
        return Tables.writeXlsx(layout.fileName(), layout.columns(),
                layout.rowsOf(plans.findByNetworkOrderByReference(network)));
    }
}
