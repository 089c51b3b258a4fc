package org.deliveryprogress.returns;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

interface ReturnDraftRepository extends JpaRepository<ReturnDraft, Long> {

    /**
     * Deletes the return's draft if it has one: one statement, where finding it first would be two. In SQL, as
     * Hibernate 6 keeps no plan of a JPQL delete and translates it again on every call (2% of a submission's CPU
     * time in the cycle benchmark's profile). The session is flushed first, so that the return is locked before
     * its draft, in the order a draft's save takes them. The query names its table: a native query that does not
     * is taken to touch every table, and Hibernate then flushes the whole session once more and visits every entity.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = "delete from return_draft where plan_return_id = :returnId", nativeQuery = true)
    @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "return_draft"))
    void deleteOfReturn(@Param("returnId") Long returnId);

    /** Deletes the drafts of a cycle's returns; answers how many there were. */
    @Modifying
    @Query("""
            delete from ReturnDraft d
            where d.planReturnId in (select r.id from PlanReturn r where r.cycle.id = :cycleId)""")
    int deleteOfCycle(@Param("cycleId") Long cycleId);
}
