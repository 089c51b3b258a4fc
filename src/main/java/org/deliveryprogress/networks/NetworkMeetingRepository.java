package org.deliveryprogress.networks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NetworkMeetingRepository extends JpaRepository<NetworkMeeting, Long> {

    /** Meetings still ahead that have no cycle yet: the ones a cycle can be opened for. */
    @Query("""
            select m from NetworkMeeting m join fetch m.network
            where m.meetingDate > :today
              and not exists (select c from org.deliveryprogress.cycles.Cycle c where c.meeting = m)
            order by m.meetingDate""")
    List<NetworkMeeting> findWithoutCycleAfter(LocalDate today);

    List<NetworkMeeting> findByNetworkOrderByMeetingDate(Network network);

    Optional<NetworkMeeting> findByNetworkAndMeetingDate(Network network, LocalDate meetingDate);
}
