package org.deliveryprogress.returns;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What a return's task could see before a command applied an officer's values: what a completion changed is what it
 * submitted, whatever the route (REST in any URL form, Tasklist, the Java API).
 * <p>
 * Every engine command that lets an officer work on a task (complete it, submit its form, resolve it) asks the
 * engine's command checkers whether they may, just before it applies the submitted variables; the checker here takes
 * that moment to note the task's variables. The note lives in the command's own context (an engine session), so it
 * ends with the command.
 */
final class SubmissionBaseline implements Session {

    private final Map<String, Map<String, Object>> variablesBefore = new HashMap<>();

    /** The names of the variables the current command has set or changed on the task, in order. */
    static Set<String> changedBy(DelegateTask task) {
        Map<String, Object> before = Context.getCommandContext().getSession(SubmissionBaseline.class)
                .variablesBefore.get(task.getId());
        if (before == null) {
            // A route that completes a task without asking the checkers first: what it submitted cannot be told.
            throw new SubmissionRejectedException(List.of("'" + task.getName() + "' can only be "
                    + "completed through Camunda's task or form API."));
        }
        Map<String, Object> now = task.getVariables();
        Set<String> changed = new TreeSet<>();
        now.forEach((name, value) -> {
            if (!before.containsKey(name) || !Objects.equals(before.get(name), value)) {
                changed.add(name);
            }
        });
        return changed;
    }

    /** The engine's factory for the session, opened once per command that uses it. */
    static SessionFactory factory() {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return SubmissionBaseline.class;
            }

            @Override
            public Session openSession() {
                return new SubmissionBaseline();
            }
        };
    }

    /**
     * A command checker that only notes a return task's variables when a command is about to work on it. The
     * interface has a hundred checks; this one answers the one it needs and allows everything, leaving the decision
     * to the engine's authorization checker.
     */
    static CommandChecker checker() {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] { CommandChecker.class }, (proxy, method, arguments) -> {
                    if (method.getName().equals("checkTaskWork") && arguments[0] instanceof TaskEntity task
                            && ReturnTask.withKey(task.getTaskDefinitionKey()).isPresent()) {
                        Context.getCommandContext().getSession(SubmissionBaseline.class)
                                .variablesBefore.put(task.getId(), new HashMap<>(task.getVariables()));
                    }
                    return switch (method.getName()) {
                        case "equals" -> proxy == arguments[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "toString" -> "SubmissionBaseline.checker";
                        default -> null;
                    };
                });
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
