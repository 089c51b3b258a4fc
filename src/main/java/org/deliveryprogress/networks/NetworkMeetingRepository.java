package org.deliveryprogress.networks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NetworkMeetingRepository extends JpaRepository<NetworkMeeting, Long> {

    List<NetworkMeeting> findByNetworkOrderByMeetingDate(Network network);

    Optional<NetworkMeeting> findByNetworkAndMeetingDate(Network network, LocalDate meetingDate);
}
