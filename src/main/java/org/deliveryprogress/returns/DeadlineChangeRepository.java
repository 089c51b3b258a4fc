package org.deliveryprogress.returns;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineChangeRepository extends JpaRepository<DeadlineChange, Long> {

    boolean existsByTaskIdAndNewDueAt(String taskId, Instant newDueAt);

    /** The changes to a plan's deadlines, the latest first. */
    List<DeadlineChange> findByPlanReturnPlanIdOrderByChangedAtDesc(Long planId);
}
