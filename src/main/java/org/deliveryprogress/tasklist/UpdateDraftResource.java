package org.deliveryprogress.tasklist;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin;
import org.camunda.bpm.webapp.plugin.resource.AbstractAppPluginResource;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.returns.DraftSavedSinceException;
import org.deliveryprogress.returns.ReturnDraft;
import org.deliveryprogress.returns.ReturnDrafts;
import org.deliveryprogress.returns.ReturnUpdate;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * {@code PUT .../drafts/{taskId}} with the update's three texts and its evidence's lists as the form holds them:
 * saves them as the update's draft, as the signed-in Tasklist user, and answers the line the form shows ("Draft saved
 * at 10:42 by Priya Oakenshaw.") and the draft's new version. The same rules as the draft page: only the plan's lead
 * and data-entry officers, only while the update is open, no text longer than an update's, and no save over a draft
 * saved since the form was opened (409, with that draft's version, which a save made knowingly sends;
 * {@code GET .../drafts/{taskId}} gives the version a form opens with). Refusals are answered with a status and a
 * message, as Camunda's REST API answers its own.
 */
public class UpdateDraftResource extends AbstractAppPluginResource<TasklistPlugin> {

    private final ReturnDrafts drafts;

    UpdateDraftResource(String engineName, ReturnDrafts drafts) {
        super(Tasklist.getRuntimeDelegate(), engineName);
        this.drafts = drafts;
    }

    /** The version of the task's draft now ("" when it has none): what a form opened now bases its saves on. */
    @GET
    @Path("{taskId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response version(@PathParam("taskId") String taskId) {
        return asSignedIn(user -> answer(Status.OK, Map.of("version", drafts.versionForTask(taskId, user))));
    }

    @PUT
    @Path("{taskId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("taskId") String taskId, FormDraft form) {
        return asSignedIn(user -> {
            if (form == null) {
                return answer(Status.BAD_REQUEST, Map.of("message",
                        "Send the update's texts: achievements, plannedActivities, blockages."));
            }
            ReturnDraft saved = drafts.saveForTask(taskId, form.texts(), form.evidence(), form.basedOn(), user);
            return answer(Status.OK, Map.of("message", drafts.savedLine(saved), "version", saved.version()));
        });
    }

    private Response asSignedIn(Function<Viewer, Response> work) {
        Authentication user = getProcessEngine().getIdentityService().getCurrentAuthentication();
        if (user == null) {
            return answer(Status.UNAUTHORIZED, Map.of("message", "Sign in to save a draft."));
        }
        try {
            return work.apply(Viewer.of(user));
        } catch (InvalidRequestException e) {
            return answer(Status.BAD_REQUEST, Map.of("message", e.getMessage()));
        } catch (DraftSavedSinceException e) {
            return answer(Status.CONFLICT, Map.of("message", e.getMessage(), "version", e.currentVersion()));
        } catch (NotAllowedException e) {
            return answer(Status.FORBIDDEN, Map.of("message", e.getMessage()));
        } catch (NotFoundException e) {
            return answer(Status.NOT_FOUND, Map.of("message", e.getMessage()));
        }
    }

    /**
     * What the update's form holds so far: its texts, the evidence's lists if the form has them, and the version of
     * the draft its saves are based on (none: whatever is saved is replaced).
     */
    public record FormDraft(String achievements, String plannedActivities, String blockages,
            JsonNode indicatorValues, JsonNode actionProgress, JsonNode remedialFollowUp, String basedOn) {

        ReturnUpdate texts() {
            return new ReturnUpdate(achievements, plannedActivities, blockages);
        }

        /** The lists as one JSON object, or null when the form sent none. */
        String evidence() {
            if (indicatorValues == null && actionProgress == null && remedialFollowUp == null) {
                return null;
            }
            ObjectNode evidence = JsonNodeFactory.instance.objectNode();
            evidence.set(ReturnVariables.INDICATOR_VALUES, indicatorValues);
            evidence.set(ReturnVariables.ACTION_PROGRESS, actionProgress);
            evidence.set(ReturnVariables.REMEDIAL_FOLLOW_UP, remedialFollowUp);
            return evidence.toString();
        }
    }

    private static Response answer(Status status, Map<String, String> entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(entity).build();
    }
}
