package org.deliveryprogress.tasklist;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.deliveryprogress.returns.ReturnDrafts;
import org.springframework.web.context.support.WebApplicationContextUtils;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * {@code /camunda/api/tasklist/plugin/delivery-progress/...}: the plugin's script and style ({@code static/app/...},
 * served by Camunda) and the drafts of an update. Camunda's Jersey creates it, so the application's beans are looked
 * up in the servlet context.
 */
@Path("plugin/" + DraftsPlugin.ID)
public class DraftsPluginRootResource extends AbstractTasklistPluginRootResource {

    public DraftsPluginRootResource() {
        super(DraftsPlugin.ID);
    }

    @Path("{engineName}/drafts")
    public UpdateDraftResource drafts(@PathParam("engineName") String engineName) {
        ReturnDrafts drafts = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                .getBean(ReturnDrafts.class);
        return subResource(new UpdateDraftResource(engineName, drafts), engineName);
    }
}
