package org.deliveryprogress.returns;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReturnDraftRepository extends JpaRepository<ReturnDraft, Long> {

    /** Deletes the return's draft if it has one: one statement, where finding it first would be two. */
    @Modifying(flushAutomatically = true)
    @Query("delete from ReturnDraft draft where draft.planReturnId = :returnId")
    void deleteOfReturn(@Param("returnId") Long returnId);
}
