package org.deliveryprogress.returns;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.plans.DeliveryPlan;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface PlanReturnRepository extends JpaRepository<PlanReturn, Long>, WholeReturns, StartedReturns {

    /** The return, its row locked until the transaction ends: two saves of its draft at once take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PlanReturn r where r.id = :id")
    Optional<PlanReturn> lockById(Long id);

    /**
     * Takes the return's row lock, waiting for a transaction that holds it, and answers where the return stands as
     * committed, however the session holds it (a locking read sees the last commit): one statement, on every
     * completion of a return's task.
     */
    @Query(value = "select state from plan_return where id = :id for update", nativeQuery = true)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "plan_return"))
    String lockAndReadState(@Param("id") Long id);

    /** Who submitted the return's update, as committed, however the session holds the return. */
    @Query("select r.submittedBy from PlanReturn r where r.id = :id")
    String submittedBy(Long id);

    /**
     * The return with its plan, cycle, meeting and network, the three lists of its evidence and its send-backs, in one
     * query: what recording a submission (which replaces the evidence), judging it by its network's rules (which reads
     * it) and the emails about it (which tell a resubmission by its send-back) read, which one by one would take nine.
     * The lists are indexed by position and the send-backs a set, not bags, so they join without duplicates; an update
     * answers a handful of indicators and actions and is rarely sent back, so the rows they multiply stay few. Read
     * once a transaction: the listeners and services of one engine transaction that each ask for the return find it
     * in the session after the first ({@link WholeReturnsImpl}).
     */
    @Override
    Optional<PlanReturn> findById(Long id);

    /**
     * Records the process instance each of these returns, saved in this transaction, was started as
     * ({@link PlanReturn#startedAs}), all in one statement ({@link StartedReturnsImpl}).
     */
    @Override
    void recordStarted(List<PlanReturn> started);

    /** {@link #findById}, for a return the engine's process refers to, which must exist. */
    default PlanReturn getWithPlanAndCycle(Long id) {
        return existing(findById(id), id);
    }

    /**
     * {@link #findById}, and the plan's indicators with their targets and its actions in one query more, unless this
     * transaction has them: what the return's evidence is checked and judged against, and its forms show. One by one
     * they would take three.
     */
    @Override
    Optional<PlanReturn> findWithPlanEvidence(Long id);

    /** {@link #findWithPlanEvidence}, for a return the engine's process refers to, which must exist. */
    default PlanReturn getWithPlanEvidence(Long id) {
        return existing(findWithPlanEvidence(id), id);
    }

    private static PlanReturn existing(Optional<PlanReturn> found, Long id) {
        return found.orElseThrow(() -> new IllegalStateException("Return " + id + " does not exist"));
    }

    /** The plan's most recent return from a cycle before the given one: "last quarter". */
    @Query("""
            select r from PlanReturn r
            where r.plan.id = :planId and r.cycle.id <> :cycleId
              and r.cycle.meeting.meetingDate < (select c.meeting.meetingDate from org.deliveryprogress.cycles.Cycle c
                                                 where c.id = :cycleId)
            order by r.cycle.meeting.meetingDate desc
            limit 1""")
    Optional<PlanReturn> findPrevious(Long planId, Long cycleId);

    /**
     * The remedial actions agreed on the plan's most recent return before a meeting ("last quarter's"), which its next
     * update follows up: one query, without reading that return and then its actions.
     */
    @Query("""
            select a from RemedialAction a
            where a.state = AGREED
              and a.planReturn.id = (select r.id from PlanReturn r
                                     where r.plan.id = :planId and r.cycle.meeting.meetingDate < :meetingDate
                                     order by r.cycle.meeting.meetingDate desc
                                     limit 1)
            order by a.position""")
    List<RemedialAction> findAgreedBefore(Long planId, LocalDate meetingDate);

    /** The next active plans of a network that have no return yet in the given cycle. */
    @Query("""
            select p from DeliveryPlan p
            where p.network = :network and p.active = true
              and not exists (select r from PlanReturn r where r.plan = p and r.cycle.id = :cycleId)
            order by p.id""")
    List<DeliveryPlan> findActivePlansWithoutReturn(Network network, Long cycleId, Pageable page);

    /** The plan's returns, the latest cycle first. */
    List<PlanReturn> findByPlanIdOrderByCycleMeetingMeetingDateDesc(Long planId);

    /** The plan's return in its open cycle, once its process has started. */
    default Optional<PlanReturn> findOpen(Long planId) {
        return findByPlanIdOrderByCycleMeetingMeetingDateDesc(planId).stream().findFirst()
                .filter(planReturn -> planReturn.getCycle().getState() == Cycle.State.OPEN
                        && planReturn.getProcessInstanceId() != null);
    }

    /** A cycle's returns with their plans, by plan reference. */
    @Query("select r from PlanReturn r join fetch r.plan p where r.cycle.id = :cycleId order by p.reference")
    List<PlanReturn> findByCycleIdOrderByPlanReference(Long cycleId);

    long countByCycleId(Long cycleId);

    /** A cycle's returns with their plans, locked until the transaction ends: no update is recorded meanwhile. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PlanReturn r join fetch r.plan where r.cycle.id = :cycleId order by r.id")
    List<PlanReturn> lockByCycleId(Long cycleId);

    /**
     * Deletes a cycle's returns, once the rows that refer to them are gone; the session is cleared, so that no
     * return read before stays in it.
     */
    @Modifying(clearAutomatically = true)
    @Query("delete from PlanReturn r where r.cycle.id = :cycleId")
    void deleteOfCycle(Long cycleId);

    /** How many of each cycle's returns were judged each status, and how many in each state were not judged. */
    @Query("""
            select new org.deliveryprogress.returns.StatusCount(r.cycle.id, r.ragStatus, r.state, count(r))
            from PlanReturn r where r.cycle.id in :cycleIds group by r.cycle.id, r.ragStatus, r.state""")
    List<StatusCount> countStatuses(Collection<Long> cycleIds);

    /** Remedial actions by their ids: those a later return followed up. */
    @Query("select a from RemedialAction a where a.id in :ids")
    List<RemedialAction> findRemedialActions(Collection<Long> ids);

    Optional<PlanReturn> findByProcessInstanceId(String processInstanceId);

    /** A network's returns in the given states, with their plans. */
    @Query("""
            select r from PlanReturn r join fetch r.plan p
            where p.network = :network and r.state in :states and r.processInstanceId is not null""")
    List<PlanReturn> findByNetworkAndStateIn(Network network, Collection<ReturnState> states);

    List<PlanReturn> findByCycleIdAndStateOrderById(Long cycleId, ReturnState state);

    long countByCycleIdAndState(Long cycleId, ReturnState state);
}
