package org.deliveryprogress.returns;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bean names planReturn's first version gives its task listeners. A return opened before the one write path
 * (version tag 1) runs on that version until its cycle closes; its tasks reach today's listeners under the old
 * names. Remove this once none is running: {@code SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON
 * d.ID_ = e.PROC_DEF_ID_ WHERE d.KEY_ = 'planReturn' AND d.VERSION_TAG_ = '1'} answers 0.
 */
@Configuration(proxyBeanMethods = false)
class FirstVersionListenerNames {

    @Bean
    static BeanFactoryPostProcessor firstVersionListenerAliases() {
        return beanFactory -> {
            beanFactory.registerAlias("returnTaskOpenedListener", "nameTaskAfterPlanListener");
            for (String recorder : List.of("recordUpdateListener", "recordJudgementListener",
                    "recordRemedialProposalListener", "recordRemedialDecisionListener")) {
                beanFactory.registerAlias("recordSubmissionListener", recorder);
            }
        };
    }
}
