package org.deliveryprogress.networks;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NetworkRepository extends JpaRepository<Network, Long> {

    Optional<Network> findByCode(String code);

    Optional<Network> findFirstByManagerGroup(String managerGroup);
}
