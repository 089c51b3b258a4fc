package org.deliveryprogress.register;

import java.util.List;

import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.plans.DeliveryPlan;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Networks and meetings")
@Transactional(readOnly = true)
class MeApi {

    record Me(String userId, boolean administrator, List<String> manages, List<String> plans) {
    }

    private final RegisterAccess access;

    MeApi(RegisterAccess access) {
        this.access = access;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who you are signed in as: the networks you manage and the plans you may read")
    Me me() {
        Viewer viewer = Viewer.current();
        return new Me(viewer.userId(), viewer.isAdmin(),
                access.visibleNetworks(viewer).stream().filter(viewer::manages).map(Network::getCode).toList(),
                access.readablePlans(viewer, null).stream().map(DeliveryPlan::getReference).toList());
    }
}
