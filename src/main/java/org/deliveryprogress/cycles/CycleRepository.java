package org.deliveryprogress.cycles;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.deliveryprogress.networks.NetworkMeeting;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CycleRepository extends JpaRepository<Cycle, Long> {

    Optional<Cycle> findByMeetingId(Long meetingId);

    /** Meetings still ahead that have no cycle yet: the ones a cycle can be opened for. */
    @Query("""
            select m from NetworkMeeting m join fetch m.network
            where m.meetingDate > :today
              and not exists (select c from Cycle c where c.meeting = m)
            order by m.meetingDate""")
    List<NetworkMeeting> findMeetingsWithoutCycleAfter(LocalDate today);

    /** The cycle, locked until the transaction ends: one meeting pack version at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Cycle c where c.id = :id")
    Optional<Cycle> findAndLock(Long id);

    /** A cycle with its meeting and network, read in one query: a reminder needs all three. */
    @Query("select c from Cycle c join fetch c.meeting m join fetch m.network where c.id = :id")
    Optional<Cycle> findWithNetworkById(Long id);

    /** The cycle with its meeting and network, which who-may-see-it depends on. */
    @Query("select c from Cycle c join fetch c.meeting m join fetch m.network where c.reference = :reference")
    Optional<Cycle> findWithNetworkByReference(String reference);

    /** The network's cycle before the one for a meeting on the given day: "last quarter". */
    Optional<Cycle> findFirstByMeetingNetworkIdAndMeetingMeetingDateLessThanOrderByMeetingMeetingDateDesc(
            Long networkId, LocalDate meetingDate);

    /** The network's cycle still open, if any (a network runs one at a time). */
    Optional<Cycle> findFirstByMeetingNetworkIdAndClosedAtIsNull(Long networkId);

    /** A network's cycles, oldest first. */
    List<Cycle> findByMeetingNetworkIdOrderByMeetingMeetingDate(Long networkId);

    /** A network's cycles, latest first. */
    List<Cycle> findByMeetingNetworkIdOrderByMeetingMeetingDateDesc(Long networkId);
}
