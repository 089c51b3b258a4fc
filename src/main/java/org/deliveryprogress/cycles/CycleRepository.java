package org.deliveryprogress.cycles;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CycleRepository extends JpaRepository<Cycle, Long> {

    Optional<Cycle> findByMeetingId(Long meetingId);
}
