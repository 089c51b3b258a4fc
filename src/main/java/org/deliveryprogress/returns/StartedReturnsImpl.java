package org.deliveryprogress.returns;

import java.util.Collections;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Writes the process instances of a batch of returns just opened in one statement. A return is saved before its
 * instance starts (the instance's variables name the return), so Hibernate would insert it and then update it with
 * its instance's id: a statement per return, which MariaDB's driver sends one by one even in a JDBC batch. A
 * network's opening had 35 of them.
 */
class StartedReturnsImpl implements StartedReturns {

    private final EntityManager entityManager;

    StartedReturnsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void recordStarted(List<PlanReturn> started) {
        if (started.isEmpty()) {
            return;
        }
        // The returns' rows first: they are inserted when the session flushes.
        entityManager.flush();
        Query update = entityManager.createNativeQuery("update plan_return set process_instance_id = case id"
                + " when ? then ?".repeat(started.size()) + " end where id in ("
                + String.join(", ", Collections.nCopies(started.size(), "?")) + ")");
        int position = 1;
        for (PlanReturn planReturn : started) {
            update.setParameter(position++, planReturn.getId());
            update.setParameter(position++, planReturn.getProcessInstanceId());
        }
        for (PlanReturn planReturn : started) {
            update.setParameter(position++, planReturn.getId());
        }
        update.executeUpdate();
    }
}
