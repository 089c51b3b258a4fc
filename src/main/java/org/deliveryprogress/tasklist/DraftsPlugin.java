package org.deliveryprogress.tasklist;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * Tasklist's plugin for drafts of an update: Tasklist's own Save keeps a form in one browser only, so the plugin's
 * script ({@code plugin-webapp/delivery-progress/app/plugin.js}) saves the update's texts on the server instead, when
 * the officer saves and when they leave the form, through the plugin's resource. Found by Camunda through
 * {@code META-INF/services}; Tasklist's own sign-in, CSRF check and path rules guard the resource.
 */
public class DraftsPlugin extends AbstractTasklistPlugin {

    static final String ID = "delivery-progress";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(DraftsPluginRootResource.class);
    }
}
