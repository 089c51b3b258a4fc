package org.deliveryprogress.packs;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MeetingPackRepository extends JpaRepository<MeetingPack, Long> {

    Optional<MeetingPack> findByCycleIdAndVersion(Long cycleId, int version);

    Optional<MeetingPack> findFirstByCycleIdOrderByVersionDesc(Long cycleId);

    /** The latest version's number, 0 for none: without loading any version's page or PDF. */
    @Query("select coalesce(max(p.version), 0) from MeetingPack p where p.cycle.id = :cycleId")
    int findLatestVersion(Long cycleId);

    /** The versions of a cycle's pack, newest first, without their contents. */
    @Query("select new org.deliveryprogress.packs.PackVersion(p.version, p.producedAt, p.producedBy) "
            + "from MeetingPack p where p.cycle.id = :cycleId order by p.version desc")
    List<PackVersion> findVersions(Long cycleId);
}
