package org.deliveryprogress.returns;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReturnDraftRepository extends JpaRepository<ReturnDraft, Long> {
}
