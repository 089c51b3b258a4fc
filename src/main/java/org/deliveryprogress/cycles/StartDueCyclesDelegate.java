package org.deliveryprogress.cycles;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Opens by itself the cycle of every meeting whose opening day, counted back from the meeting, has come. */
@Component
class StartDueCyclesDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(StartDueCyclesDelegate.class);

    private final CycleService cycles;

    StartDueCyclesDelegate(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.meetingsDueToOpen().forEach(meeting -> {
            log.info("Opening the cycle for the {} meeting of {}", meeting.getNetwork().getCode(),
                    meeting.getMeetingDate());
            cycles.startOnSchedule(meeting.getId());
        });
    }
}
