package org.deliveryprogress.networks;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface NetworkRepository extends JpaRepository<Network, Long> {

    Optional<Network> findByCode(String code);

    Optional<Network> findFirstByManagerGroup(String managerGroup);

    /** The network, its row locked until the transaction ends: its managers' starts of cycles are taken in turn. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Network n where n.id = :id")
    Optional<Network> findAndLock(Long id);
}
