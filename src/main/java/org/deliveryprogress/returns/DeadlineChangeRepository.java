package org.deliveryprogress.returns;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeadlineChangeRepository extends JpaRepository<DeadlineChange, Long> {

    boolean existsByTaskIdAndNewDueAt(String taskId, Instant newDueAt);

    /** The changes to a plan's deadlines, the latest first. */
    List<DeadlineChange> findByPlanReturnPlanIdOrderByChangedAtDesc(Long planId);

    @Modifying
    @Query("""
            delete from DeadlineChange c
            where c.planReturn.id in (select r.id from PlanReturn r where r.cycle.id = :cycleId)""")
    void deleteOfCycle(@Param("cycleId") Long cycleId);
}
