package org.deliveryprogress.register;

import java.util.Map;

import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.returns.DraftSavedSinceException;
import org.deliveryprogress.returns.ReturnDraft;
import org.deliveryprogress.returns.ReturnDrafts;
import org.deliveryprogress.returns.ReturnUpdate;
import org.deliveryprogress.shared.DoneNotice;
import org.deliveryprogress.shared.InvalidRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A plan's update drafted on the server: its lead and data-entry officers write, save and continue it in any browser
 * (Tasklist's own "Save" keeps a form in one browser only), and the data-entry officer hands it to the lead officer.
 * The update is submitted in Tasklist, whose form opens with the latest draft; the page tells a data-entry officer
 * whose network has the lead officer submit that they hand it over instead.
 */
@Controller
class UpdateDraftPages {

    private final ReturnDrafts drafts;
    private final UserDirectory directory;

    UpdateDraftPages(ReturnDrafts drafts, UserDirectory directory) {
        this.drafts = drafts;
        this.directory = directory;
    }

    @GetMapping("/plans/{reference}/update")
    String draft(@PathVariable String reference, Model model) {
        Viewer viewer = Viewer.current();
        model.addAttribute("reference", reference);
        model.addAttribute("viewer", viewer.userId());
        drafts.openUpdate(reference, viewer).ifPresent(update -> {
            model.addAttribute("update", update);
            model.addAttribute("handsOver", update.handsOver());
            model.addAttribute("leadOfficerName", directory.nameOf(update.leadOfficer()));
            model.addAttribute("holderName", directory.nameOf(update.assignee()));
            update.draft().ifPresent(saved -> model.addAttribute("saved", drafts.savedLine(saved)));
            // The version this page is based on; after a refusal, the one the officer asked about.
            model.addAttribute("basedOn", model.getAttribute("enteredBasedOn") instanceof String entered ? entered
                    : update.draft().map(ReturnDraft::version).orElse(ReturnDrafts.NO_DRAFT));
        });
        return "update-draft";
    }

    @PostMapping("/plans/{reference}/update")
    String save(@PathVariable String reference, @RequestParam(required = false) String achievements,
            @RequestParam(required = false) String plannedActivities, @RequestParam(required = false) String blockages,
            @RequestParam(defaultValue = "save") String then, @RequestParam(required = false) String basedOn,
            @RequestParam(required = false) String replaces, RedirectAttributes result) {
        ReturnUpdate texts = typed(achievements, plannedActivities, blockages);
        // A save asked for after the refusal below names the draft it knowingly replaces.
        String version = replaces != null ? replaces : basedOn;
        try {
            if ("handToLead".equals(then)) {
                drafts.handToLead(reference, texts, version, Viewer.current());
                result.addFlashAttribute("done", "Draft saved and handed to the lead officer, who has been told.");
            } else {
                drafts.save(reference, texts, version, Viewer.current());
            }
        } catch (InvalidRequestException | DraftSavedSinceException e) {
            result.addFlashAttribute("problem", e.getMessage());
            // What the officer typed comes back to them, not the draft saved before.
            result.addFlashAttribute("entered", texts);
            result.addFlashAttribute("enteredBasedOn", basedOn);
            if (e instanceof DraftSavedSinceException since) {
                result.addFlashAttribute("replaces", since.currentVersion());
            }
            // The page opens on what is wrong, which takes the focus (tabindex -1): a screen reader reads it out.
            return "redirect:/plans/" + reference + "/update#problem";
        }
        return "redirect:/plans/" + reference + "/update" + ("handToLead".equals(then) ? DoneNotice.FOCUSED : "");
    }

    /**
     * The page saves the draft when the officer leaves it or switches away: no page in answer, the draft's version,
     * which the page, if the officer comes back to it, bases its next save on.
     */
    @PostMapping("/plans/{reference}/update/on-leaving")
    @ResponseBody
    Map<String, String> saveOnLeaving(@PathVariable String reference,
            @RequestParam(required = false) String achievements,
            @RequestParam(required = false) String plannedActivities,
            @RequestParam(required = false) String blockages, @RequestParam(required = false) String basedOn) {
        return Map.of("version", drafts.save(reference, typed(achievements, plannedActivities, blockages), basedOn,
                Viewer.current()).version());
    }

    /**
     * The texts as typed. A browser sends a text box's line breaks as CR LF; Tasklist's form sends them as LF, so the
     * draft keeps LF and the update submitted from it is the text the officer wrote, line for line.
     */
    private static ReturnUpdate typed(String achievements, String plannedActivities, String blockages) {
        return new ReturnUpdate(lineFeeds(achievements), lineFeeds(plannedActivities), lineFeeds(blockages));
    }

    private static String lineFeeds(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }
}
