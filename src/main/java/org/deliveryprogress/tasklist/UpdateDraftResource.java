package org.deliveryprogress.tasklist;

import java.util.Map;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin;
import org.camunda.bpm.webapp.plugin.resource.AbstractAppPluginResource;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.returns.ReturnDraft;
import org.deliveryprogress.returns.ReturnDrafts;
import org.deliveryprogress.returns.ReturnUpdate;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.Consumes;
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
 * at 10:42 by Priya Oakenshaw."). The same rules as the draft page: only the plan's lead and data-entry officers, only
 * while the update is open, no text longer than an update's. Refusals are answered with a status and a message, as Camunda's REST API answers its own.
 */
public class UpdateDraftResource extends AbstractAppPluginResource<TasklistPlugin> {

    private final ReturnDrafts drafts;

    UpdateDraftResource(String engineName, ReturnDrafts drafts) {
        super(Tasklist.getRuntimeDelegate(), engineName);
        this.drafts = drafts;
    }

    @PUT
    @Path("{taskId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("taskId") String taskId, FormDraft form) {
        Authentication user = getProcessEngine().getIdentityService().getCurrentAuthentication();
        if (user == null) {
            return answer(Status.UNAUTHORIZED, "Sign in to save a draft.");
        }
        if (form == null) {
            return answer(Status.BAD_REQUEST, "Send the update's texts: achievements, plannedActivities, blockages.");
        }
        try {
            ReturnDraft saved = drafts.saveForTask(taskId, form.texts(), form.evidence(), Viewer.of(user));
            return answer(Status.OK, drafts.savedLine(saved));
        } catch (InvalidRequestException e) {
            return answer(Status.BAD_REQUEST, e.getMessage());
        } catch (NotAllowedException e) {
            return answer(Status.FORBIDDEN, e.getMessage());
        } catch (NotFoundException e) {
            return answer(Status.NOT_FOUND, e.getMessage());
        }
    }

    /** What the update's form holds so far: its texts, and the evidence's lists if the form has them. */
    public record FormDraft(String achievements, String plannedActivities, String blockages,
            JsonNode indicatorValues, JsonNode actionProgress, JsonNode remedialFollowUp) {

        ReturnUpdate texts() {
            return new ReturnUpdate(achievements, plannedActivities, blockages);
        }

        /** The lists as one JSON object, or null when the form sent none. */
        String evidence() {
            if (indicatorValues == null && actionProgress == null && remedialFollowUp == null) {
                return null;
            }
            ObjectNode evidence = JsonNodeFactory.instance.objectNode();
            evidence.set("indicatorValues", indicatorValues);
            evidence.set("actionProgress", actionProgress);
            evidence.set("remedialFollowUp", remedialFollowUp);
            return evidence.toString();
        }
    }

    private static Response answer(Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("message", message)).build();
    }
}
