package org.deliveryprogress.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What an officer does in Camunda Tasklist and Cockpit (7.24), and in the Camunda Forms (form-js 1.8.7) Tasklist
 * shows: sign in, open a filter, open a task, claim it, fill in a form, complete it. The selectors are Tasklist's and
 * form-js's own; form fields are found by the ids of the components in {@code forms/*.form}.
 */
final class Tasklist {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String COCKPIT = "/camunda/app/cockpit/default/";
    /** Camunda's Welcome app, where Tasklist's menu under the officer's name leads for their profile. */
    static final String WELCOME = "/camunda/app/welcome/default/#!/welcome";

    private static final By FILTERS = By.cssSelector(".task-filters .task-filter");
    private static final By TASK_CARDS = By.cssSelector("ol.tasks-list > li.task");
    private static final By USERNAME_BOX = By.cssSelector("input[ng-model='username']");
    private static final String FORM_CSS = ".fjs-container";
    private static final By FORM = By.cssSelector(FORM_CSS);
    private static final By DROPDOWN_ITEMS = By.cssSelector(".fjs-container .fjs-dropdownlist-item");
    private static final By COMPLETE = By.cssSelector("button.btn-primary[ng-click='complete()']");
    private static final By SAVE = By.cssSelector(".form-actions button[ng-click^='save']");
    private static final By NOTIFICATIONS = By.cssSelector(
            ".page-notifications .notification, .page-notifications .alert");
    private static final By CONFIRMATION = By.cssSelector(".dp-confirmation");
    private static final By NO_TASK_SELECTED = By.xpath(
            "//*[contains(normalize-space(.), 'Select a task in the list.')]");
    /** The assignee's name in the task's header: Tasklist's inline field, whose editor sets another assignee. */
    private static final String ASSIGNEE_NAME_CSS = ".task-details li.assignee [cam-widget-inline-field]";
    private static final By ASSIGNEE_NAME = By.cssSelector(ASSIGNEE_NAME_CSS);
    private static final By ASSIGNEE_EDITOR = By.cssSelector(ASSIGNEE_NAME_CSS + " input");
    /** The task's due date in its header: Tasklist's inline field, whose editor sets another. */
    private static final By DUE_DATE = By.cssSelector(".task-details .due-date[cam-widget-inline-field]");
    private static final Map<String, String> TASK_CONTROLS = Map.of(
            "Add Comment", ".task-actions a.createCommentLink",
            "groups", ".task-details li.groups",
            "× beside the assignee", ".task-details li.assignee .unclaim, .task-details li.assignee .reset-assignee");

    private final Browser browser;
    private final String baseUrl;

    Tasklist(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** Signs out whoever was signed in (a fresh session, no saved state) and signs in to Tasklist. */
    void signIn(String user) {
        signIn(user, TASKLIST, "Tasklist's filters", driver -> !browser.findAll(FILTERS).isEmpty());
    }

    /** Signs in to Cockpit, as a manager does. */
    void signInToCockpit(String user) {
        signIn(user, COCKPIT, "Cockpit's dashboard",
                driver -> browser.findAll(USERNAME_BOX).isEmpty()
                        && pageText().contains("Processes"));
    }

    private void signIn(String user, String app, String landing, Function<WebDriver, Boolean> landed) {
        signIn(user, app);
        try {
            browser.await(landing + " for " + user, landed);
        } catch (TimeoutException e) {
            // Seen on a loaded machine: the app stayed on its login page after the sign-in. A person would sign in
            // again; the screenshot of the first attempt is kept. The second attempt waits longer, and if it fails
            // too it says where the browser got to, which CI, keeping no screenshots, cannot otherwise tell.
            signIn(user, app);
            try {
                browser.await(landing + " for " + user + " (second sign-in)", Browser.PATIENCE.multipliedBy(3),
                        landed);
            } catch (TimeoutException again) {
                throw new AssertionError(landing + " for " + user + " did not show after two sign-ins; the browser"
                        + " is at " + browser.driver().getCurrentUrl() + ", showing: " + pageText(), again);
            }
        }
    }

    private void signIn(String user, String app) {
        // A form left half filled in would ask whether to leave the page; an officer signing out says yes.
        // What the app keeps in the browser goes too. A new browser has none, and is not sent to the app first: a
        // page left while it still loads its scripts seemed to stall the next one on the same scripts.
        if (browser.driver().getCurrentUrl().startsWith(baseUrl)) {
            browser.script("window.onbeforeunload = null; window.addEventListener('beforeunload',"
                    + " event => event.stopImmediatePropagation(), true);");
            browser.script("window.localStorage.clear(); window.sessionStorage.clear();");
        }
        // Login sometimes failed in CI with "CSRFPreventionFilter: Token provided via HTTP Header is absent/empty"
        // (twice in a row once): the form was sent without the token's cookie. Camunda's filter sets that cookie only
        // with the response that makes a session's token, so a session the browser holds without it never gets it.
        // The cookies were deleted under the running app, whose own requests could open such a session; so the app
        // is left first, and the form is typed into only once the cookie is there.
        browser.open("about:blank");
        browser.forgetCookies();
        browser.open(baseUrl + app + "#/login");
        try {
            typeCredentials(user, "the login form for " + user);
        } catch (TimeoutException e) {
            // Seen once in CI, on the first sign-in after start-up: the login page never showed its form. A person
            // would reload the page; the screenshot of the first attempt is kept. Reloaded without cookies, as the
            // same wait fails on a page without the token's cookie.
            browser.forgetCookies();
            browser.driver().navigate().refresh();
            typeCredentials(user, "the login form for " + user + " (after a reload)");
        }
        browser.find(By.cssSelector("button[type='submit']")).click();
    }

    private void typeCredentials(String user, String what) {
        By password = By.cssSelector("input[ng-model='password']");
        // The login page renders its form more than once while it starts: type only once it holds still.
        browser.await(what, driver -> {
            if (driver.manage().getCookieNamed("XSRF-TOKEN") == null) {
                return false;
            }
            WebElement name = visible(USERNAME_BOX);
            WebElement secret = visible(password);
            if (name == null || secret == null) {
                return false;
            }
            name.clear();
            name.sendKeys(user);
            secret.clear();
            secret.sendKeys("demo");
            Browser.pause(200);
            return user.equals(visible(USERNAME_BOX).getAttribute("value"))
                    && "demo".equals(visible(password).getAttribute("value"));
        });
    }

    /**
     * Signs in on the login form Tasklist shows once the session has ended, keeping what Tasklist and the plugin
     * stored in the browser meanwhile (a new sign-in, {@link #signIn}, clears it).
     */
    void signInAgain(String user) {
        typeCredentials(user, "the login form for " + user);
        browser.find(By.cssSelector("button[type='submit']")).click();
        browser.await("Tasklist's filters for " + user, driver -> !browser.findAll(FILTERS).isEmpty());
    }

    /** Signs out with Sign out in the menu under the officer's name, top right, and waits for the login form. */
    void signOut() {
        By signOut = By.cssSelector("li.account [ng-click='logout()']");
        // The menu may not open on a click that comes before the header is ready: it is clicked until it has.
        click(browser.await("Sign out, in the menu under the officer's name", driver -> {
            if (visible(signOut) == null) {
                WebElement menu = visible(By.cssSelector("li.account > .dropdown-toggle"));
                if (menu != null) {
                    menu.click();
                    Browser.pause(300);
                }
            }
            return visible(signOut);
        }));
        awaitLoginForm();
    }

    void awaitLoginForm() {
        browser.await("the login form", driver -> visible(USERNAME_BOX) != null);
    }

    /**
     * Clicks another task after the session has ended, leaving the open form, and waits for the login form that
     * Tasklist shows when the click's request is refused. Tasklist also reloads its list every few seconds: on a loaded
     * machine that reload may be refused first, and the login form replace the list before the task is clicked; the
     * form is left either way.
     */
    void leaveFormSignedOut(String otherTask) {
        boolean[] clicked = { false };
        browser.await("the login form, after a click on the task '" + otherTask + "'", driver -> {
            if (visible(USERNAME_BOX) != null) {
                return true;
            }
            if (!clicked[0]) {
                Optional<WebElement> card = cardNamed(otherTask);
                card.ifPresent(shown -> click(shown.findElement(By.cssSelector("h4.task a"))));
                clicked[0] = card.isPresent();
            }
            return false;
        });
    }

    void goTo(String pathAndFragment) {
        browser.open(baseUrl + pathAndFragment);
    }

    List<String> filterNames() {
        return browser.findAll(FILTERS).stream().map(filter -> normalized(filter.getText())).toList();
    }

    /** The filter Tasklist has open, with the count it shows beside it once it has counted its tasks. */
    String openFilterWithCount() {
        return browser.await("the open filter's count", driver -> browser.findAll(FILTERS).stream()
                .filter(filter -> filter.getAttribute("class").contains("active"))
                .map(filter -> normalized(filter.getText())).filter(text -> text.matches(".* \\d+"))
                .findFirst().orElse(null));
    }

    /** The filters as shown once each, not only the open one, shows its count: "My returns to submit 3". */
    List<String> filterNamesWithCounts() {
        return browser.await("every filter's count", driver -> {
            List<String> names = filterNames();
            return names.stream().allMatch(name -> name.matches(".* \\d+")) ? names : null;
        });
    }

    /** Who Tasklist's header says is signed in, once it has read their profile (until then it shows their id). */
    String signedInName(String userId) {
        return browser.await("the signed-in user's name in the header", driver -> browser
                .findAll(By.cssSelector("li.account .dropdown-toggle")).stream()
                .map(toggle -> normalized(toggle.getText())).filter(text -> !text.isEmpty() && !text.equals(userId))
                .findFirst().orElse(null));
    }

    void openFilter(String name) {
        WebElement filter = browser.await("the filter '" + name + "'", driver -> browser.findAll(FILTERS).stream()
                .filter(element -> element.getText().contains(name)).findFirst().orElse(null));
        click(filter.findElement(By.cssSelector("a, .names, h4, span")));
        browser.await("the filter '" + name + "' to be active", driver -> browser.findAll(FILTERS).stream()
                .anyMatch(element -> element.getText().contains(name)
                        && element.getAttribute("class").contains("active")));
        Browser.pause(800);
    }

    /** The task cards of the open filter, as shown: name, process, assignee, due date. */
    List<String> taskCards() {
        return browser.findAll(TASK_CARDS).stream().map(card -> normalized(card.getText())).toList();
    }

    /**
     * Waits for the task card whose name contains the text, in the open filter; pages through the list as an officer
     * would. Tasklist shows 15 tasks a page in the filter's order, the earliest due first: a new task is mostly on the
     * first page, and on the last if it is due later than the rest (a test's network set up after midnight has its
     * deadlines a day later than those of the day before), so the last page is looked at second, then every page in
     * turn.
     */
    WebElement taskCard(String name) {
        boolean[] lastPageSeen = { false };
        return browser.await("the task '" + name + "' in the list", driver -> {
            Optional<WebElement> card = cardNamed(name);
            if (card.isEmpty()) {
                if (lastPageSeen[0]) {
                    nextPageOfTasks();
                } else {
                    lastPageSeen[0] = lastPageOfTasks();
                }
            }
            return card.orElse(null);
        });
    }

    /** Goes to the list's last page; answers whether there is one to go to (the list has loaded and has pages). */
    private boolean lastPageOfTasks() {
        if (pageLink("pagination-last").isEmpty()) {
            return !browser.findAll(TASK_CARDS).isEmpty();
        }
        goToPage("pagination-last");
        return true;
    }

    /** The next page, or the first after the last (by «: the links show only five page numbers around this one). */
    private void nextPageOfTasks() {
        pageLink("pagination-next").ifPresent(next -> goToPage(
                next.getAttribute("class").contains("disabled") ? "pagination-first" : "pagination-next"));
    }

    private Optional<WebElement> pageLink(String kind) {
        return browser.findAll(By.cssSelector("[cam-tasks] ul.pagination li." + kind)).stream().findFirst();
    }

    private void goToPage(String kind) {
        pageLink(kind).filter(link -> !link.getAttribute("class").contains("disabled"))
                .ifPresent(link -> click(link.findElement(By.tagName("a"))));
        Browser.pause(800);
    }

    /**
     * Waits until the task list shows no card of that name: Tasklist takes the completed task off its list when it
     * next loads it, which on a loaded machine is more than a moment after the form closed.
     */
    void awaitNoTaskCard(String name) {
        browser.await("the task list without '" + name + "'", driver -> cardNamed(name).isEmpty());
    }

    private Optional<WebElement> cardNamed(String name) {
        // Tasklist redraws the list when it refreshes it: a card replaced while it is read is read again.
        return browser.await("the task list", driver -> browser.findAll(TASK_CARDS).stream()
                .filter(card -> card.findElement(By.cssSelector("h4.task")).getText().contains(name)).toList())
                .stream().findFirst();
    }

    /** The exact due date and time of a task in the list, from the tooltip of its "Due in 7 days". */
    String dueDateTooltip(String name) {
        return taskCard(name).findElement(By.cssSelector(".due-date [uib-tooltip]")).getAttribute("uib-tooltip");
    }

    String dueDateText(String name) {
        return normalized(taskCard(name).findElement(By.cssSelector(".due-date")).getText());
    }

    /** Opens the task and waits for its form to show the given text (the form has loaded its data by then). */
    void openTask(String name, String formShows) {
        clickTask(name);
        awaitForm(formShows);
    }

    void clickTask(String name) {
        // A card Tasklist redraws (it reloads the list just after a filter opens) is found and clicked again.
        browser.await("a click on the task '" + name + "'", driver -> {
            click(taskCard(name).findElement(By.cssSelector("h4.task a")));
            return true;
        });
    }

    void awaitForm(String formShows) {
        browser.await("the form showing '" + formShows + "'",
                driver -> visible(FORM) != null && formText().contains(formShows));
        Browser.pause(300);
    }

    /** Waits for Tasklist's notice that the open task no longer exists (seen on its refresh, every ten seconds). */
    String awaitTaskRemovedNotice(String saying) {
        return browser.await("the notice that the task has been removed, saying '" + saying + "'",
                driver -> taskRemovedNotice().filter(notice -> notice.contains(saying)).orElse(null));
    }

    Optional<String> taskRemovedNotice() {
        return browser.findAll(By.cssSelector(".task-card.task-removed .task-removed-alert")).stream()
                .filter(WebElement::isDisplayed).findFirst().map(notice -> normalized(notice.getText()));
    }

    String formText() {
        return browser.findAll(FORM).stream().findFirst().map(WebElement::getText).orElse("");
    }

    /**
     * What the keyboard reaches in the form, in order: each element Tab moves the focus to, from the form's start
     * until the focus leaves it, by its id (else its tag and text), "(read-only)" after one that cannot be changed.
     */
    List<String> tabStops() {
        browser.script("const form = document.querySelector(arguments[0]); form.tabIndex = -1; form.focus();",
                FORM_CSS);
        List<String> stops = new ArrayList<>();
        for (int stop = 0; stop < 500; stop++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            String reached = browser.script("""
                    const element = document.activeElement;
                    if (!element || !element.closest(arguments[0])) {
                      return null;
                    }
                    const name = element.id || element.tagName.toLowerCase() + ' ' + element.innerText.trim();
                    return name + (element.readOnly ? ' (read-only)' : '');""", FORM_CSS);
            if (reached == null) {
                break;
            }
            stops.add(reached);
        }
        return stops;
    }

    /** The alternative texts of the images the form shows and the browser could draw (loaded, with a width). */
    List<String> imagesShown() {
        return browser.findAll(By.cssSelector(FORM_CSS + " img")).stream()
                .filter(image -> Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                        .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)))
                .map(image -> image.getAttribute("alt")).toList();
    }

    /** The officers' texts the form shows, in order, as the browser renders them. */
    List<String> proseShown() {
        return browser.findAll(By.cssSelector(FORM_CSS + " .dp-prose")).stream().map(WebElement::getText).toList();
    }

    /** The assignee shown in the task's header, or empty when there is none. */
    String assignee() {
        return browser
                .findAll(By.cssSelector(".task-details .assignee, .task-details [cam-widget-inline-field] .assignee"))
                .stream().findFirst().map(element -> normalized(element.getText())).orElse("");
    }

    boolean canClaim() {
        return claimButton().isPresent();
    }

    void claim() {
        click(claimButton().orElseThrow(() -> new AssertionError("no Claim button")));
        browser.await("the task to be claimed", driver -> claimButton().isEmpty());
        Browser.pause(800);
    }

    private Optional<WebElement> claimButton() {
        return browser.findAll(By.cssSelector(".task-details button")).stream()
                .filter(button -> button.isDisplayed() && button.getText().trim().equals("Claim")).findFirst();
    }

    /** Removes the task's assignee with the × beside their name in the task's header. */
    void removeAssignee() {
        click(browser.await("the × beside the assignee",
                driver -> visible(By.cssSelector(".task-details a.reset-assignee"))));
        browser.await("the Claim button", driver -> claimButton().orElse(null));
    }

    /**
     * Clicks the assignee's name in the task's header where it shows, as a mouse does (whatever the page puts on top
     * there takes the click), and answers whether Tasklist's editor to set another assignee opened; closes it again
     * with Escape if it did.
     */
    boolean assigneeEditorOpensOnClick() {
        WebElement name = browser.await("the assignee's name", driver -> visible(ASSIGNEE_NAME));
        scrollTo(name);
        new Actions(browser.driver()).moveToElement(name).click().perform();
        for (int waited = 0; waited < 2000; waited += 100) {
            WebElement editor = visible(ASSIGNEE_EDITOR);
            if (editor != null) {
                editor.sendKeys(Keys.ESCAPE);
                browser.await("the assignee's editor to close", driver -> visible(ASSIGNEE_EDITOR) == null);
                return true;
            }
            Browser.pause(100);
        }
        return false;
    }

    /**
     * Whether the assignee's name takes the focus, as the keyboard gives it (Tab), where Enter opens Tasklist's editor
     * as a click does. The focus is taken away again.
     */
    boolean assigneeNameIsFocusable() {
        WebElement name = browser.await("the assignee's name", driver -> visible(ASSIGNEE_NAME));
        return Boolean.TRUE.equals(browser.script("""
                const name = arguments[0];
                name.focus();
                const focused = document.activeElement === name;
                name.blur();
                return focused;""", name));
    }

    /**
     * Whether the keyboard reaches the open task's due date, where Enter opens Tasklist's editor of it. The focus is
     * taken away again.
     */
    boolean dueDateIsFocusable() {
        WebElement due = browser.await("the task's due date", driver -> visible(DUE_DATE));
        return Boolean.TRUE.equals(browser.script("""
                const due = arguments[0];
                due.focus();
                const focused = document.activeElement === due;
                due.blur();
                return focused;""", due));
    }

    /**
     * Whether a click on the open task's due date made as a screen reader makes one (no mouse click reaches it: the
     * styles let none through) opens Tasklist's editor of it; closes it again with Escape if it did.
     */
    boolean dueDateEditorOpensOnClick() {
        WebElement due = browser.await("the task's due date", driver -> visible(DUE_DATE));
        browser.script("arguments[0].querySelector('.view-value').click();", due);
        for (int waited = 0; waited < 2000; waited += 100) {
            if (due.getAttribute("class").contains("inline-editing")) {
                new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
                return true;
            }
            Browser.pause(100);
        }
        return false;
    }

    /**
     * Which of the open task's controls beyond working on it Tasklist shows, by name: "Add Comment", "groups" (Add
     * groups, or the groups' names), "× beside the assignee" (their own, or another's).
     */
    List<String> taskControlsShown() {
        return TASK_CONTROLS.entrySet().stream().filter(control -> isShown(control.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Waits until the open task shows exactly these of its controls, as the script shows them once Camunda answers. */
    void awaitTaskControls(String... shown) {
        List<String> expected = Stream.of(shown).sorted().toList();
        browser.await("the task's controls " + expected + " (" + taskControlsShown() + " shown at first)",
                driver -> taskControlsShown().equals(expected));
    }

    WebElement field(String fieldId) {
        return browser.await("the field " + fieldId, driver -> visible(By.cssSelector("[id$='-" + fieldId + "']")));
    }

    Optional<WebElement> fieldIfShown(String fieldId) {
        return browser.findAll(By.cssSelector("[id$='-" + fieldId + "']")).stream().filter(WebElement::isDisplayed)
                .findFirst();
    }

    /** Types the text key by key, as an officer writes. */
    void type(String fieldId, String text) {
        WebElement field = field(fieldId);
        click(field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    /**
     * Puts the text in at once, as pasting from a word processor does: the browser inserts it at the cursor and tells
     * the form, through the same input event a paste fires.
     */
    void paste(String fieldId, String text) {
        WebElement field = field(fieldId);
        click(field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.script("arguments[0].focus(); document.execCommand('insertText', false, arguments[1]);", field, text);
    }

    String value(String fieldId) {
        return field(fieldId).getAttribute("value");
    }

    /** The option a select field shows as chosen. */
    String selected(String fieldId) {
        return normalized(browser.await("the select " + fieldId,
                driver -> visible(By.cssSelector("[id$='-" + fieldId + "-display']"))).getText());
    }

    void choose(String label) {
        WebElement option = browser.await("the option '" + label + "'", driver -> browser
                .findAll(By.cssSelector(".fjs-container label")).stream()
                .filter(element -> element.isDisplayed() && normalized(element.getText()).equals(label))
                .findFirst().orElse(null));
        click(option);
        Browser.pause(300);
    }

    /** Opens Tasklist's "Start process" dialog, picks the process and waits for its start form. */
    void openStartForm(String processName) {
        click(browser.await("Tasklist's Start process", driver -> visible(By.xpath(
                "//a[@ng-click='open()'][contains(normalize-space(.), 'Start process')]"))));
        click(browser.await("the process '" + processName + "' to start", driver -> browser
                .findAll(By.cssSelector(".modal ul.processes a")).stream()
                .filter(link -> normalized(link.getText()).equals(processName)).findFirst().orElse(null)));
        browser.await("the start form", driver -> visible(By.cssSelector(".modal " + FORM_CSS)) != null);
        Browser.pause(500);
    }

    /** The options a select field offers, as shown when it is opened. */
    List<String> openSelect(String fieldId) {
        click(browser.await("the select " + fieldId, driver -> visible(By.cssSelector(
                ".fjs-form-field-select:has([id$='-" + fieldId + "']) .fjs-input-group"))));
        browser.await("the options of " + fieldId, driver -> visible(DROPDOWN_ITEMS) != null);
        return browser.findAll(DROPDOWN_ITEMS).stream().map(item -> normalized(item.getText())).toList();
    }

    /** Picks an option of the open select field by the start of its label. */
    void pickOption(String labelStart) {
        click(browser.findAll(DROPDOWN_ITEMS).stream()
                .filter(item -> normalized(item.getText()).startsWith(labelStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no option starting '" + labelStart + "'")));
        Browser.pause(300);
    }

    /** Clicks the start dialog's Start button and waits for the dialog to close. */
    void clickStart() {
        clickStartButton();
        browser.await("the start dialog to close (" + notifications() + ")",
                driver -> browser.findAll(By.cssSelector(".modal ul.processes, .modal " + FORM_CSS)).isEmpty());
    }

    /**
     * Clicks the start dialog's Start button for a start the server refuses, and answers what the dialog then says,
     * once it says the text given and the officers' script has had its moment.
     */
    String clickStartRefused(String containing) {
        clickStartButton();
        browser.await("the start dialog's refusal saying '" + containing + "'", driver -> browser
                .findAll(By.cssSelector(".modal .alert-danger")).stream().filter(WebElement::isDisplayed)
                .anyMatch(alert -> alert.getText().contains(containing)));
        Browser.pause(500);
        return normalized(browser.find(By.cssSelector(".modal .alert-danger")).getText());
    }

    private void clickStartButton() {
        click(browser.await("an enabled Start button", driver -> browser
                .findAll(By.cssSelector(".modal button.btn-primary[ng-click='startProcessInstance()']")).stream()
                .filter(WebElement::isEnabled).findFirst().orElse(null)));
    }

    /** Adds an entry to the form's dynamic list with its "Add new" button. */
    void addListEntry() {
        click(browser.find(By.cssSelector(".fjs-container .fjs-repeat-render-add")));
        Browser.pause(400);
    }

    /** What an entry of the form's dynamic list shows (0 for the first), once it shows the given text. */
    String awaitListEntryShowing(int index, String text) {
        By entries = By.cssSelector(".fjs-container .fjs-repeat-row-rows");
        return browser.await("entry " + index + " of the list showing '" + text + "'", driver -> {
            List<WebElement> shown = browser.findAll(entries);
            String entry = shown.size() > index ? normalized(shown.get(index).getText()) : "";
            return entry.contains(text) ? entry : null;
        });
    }

    /** How many entries the dynamic list shows, counted by one of its fields. */
    int listEntries(String fieldId) {
        return (int) browser.findAll(By.cssSelector("[id*='-" + fieldId + "_']")).stream()
                .filter(element -> element.getAttribute("id").matches(".*-" + fieldId + "_\\d+")).count();
    }

    /** A button of the form itself (form-js's button component), e.g. "Submit remedial actions". */
    void clickFormButton(String label) {
        WebElement button = browser.findAll(By.cssSelector(".fjs-container button.fjs-button")).stream()
                .filter(element -> element.getText().trim().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no form button " + label));
        click(button);
    }

    /** Clicks Tasklist's Save button under the form, once the form has changed (Tasklist enables it then). */
    void clickSave() {
        click(browser.await("an enabled Save button", driver -> browser.findAll(SAVE).stream()
                .filter(WebElement::isEnabled).findFirst().orElse(null)));
    }

    /** Waits for the line above the form's buttons saying when the draft was saved, once it holds the text given. */
    String awaitDraftStatus(String containing) {
        return browser.await("the draft's status saying '" + containing + "'", driver -> browser
                .findAll(By.cssSelector(".dp-draft-status")).stream().map(WebElement::getText)
                .filter(text -> text.contains(containing)).findFirst().orElse(null));
    }

    boolean completeIsEnabled() {
        return browser.findAll(COMPLETE).stream().anyMatch(WebElement::isEnabled);
    }

    /** Clicks Tasklist's Complete button, out from under any notification that covers it. */
    void clickComplete() {
        dismissNotifications();
        WebElement complete = browser.await("an enabled Complete button",
                driver -> browser.findAll(COMPLETE).stream().filter(WebElement::isEnabled).findFirst().orElse(null));
        click(complete);
    }

    /** Waits until Tasklist has completed the task: the form is gone and no task is selected. */
    void awaitCompleted() {
        browser.await("the task to be completed (" + notifications() + ")",
                driver -> browser.findAll(FORM).isEmpty() && visible(NO_TASK_SELECTED) != null);
        Browser.pause(500);
    }

    /** Waits for the error summary at the top of the form and answers its items, once it holds the text given. */
    List<String> awaitErrorSummary(String containing) {
        browser.await("the error summary saying '" + containing + "'",
                driver -> errorSummary().stream().anyMatch(item -> item.contains(containing)));
        return errorSummary();
    }

    List<String> errorSummary() {
        return browser.findAll(By.cssSelector(".dp-error-summary li")).stream()
                .map(item -> normalized(item.getText())).toList();
    }

    boolean errorSummaryHasFocus() {
        return Boolean.TRUE.equals(browser.script(
                "return document.activeElement && document.activeElement.classList.contains('dp-error-summary');"));
    }

    /** Follows the summary's link to the field it names; answers the id of the element that then has the focus. */
    String followErrorSummaryLink(String containing) {
        WebElement link = browser.await("a link in the error summary saying '" + containing + "'",
                driver -> browser.findAll(By.cssSelector(".dp-error-summary li a")).stream()
                        .filter(element -> element.getText().contains(containing)).findFirst().orElse(null));
        click(link);
        return browser.script("return document.activeElement.id;");
    }

    /** Waits for the confirmation the script shows once a task is completed, and answers what it says. */
    String awaitConfirmation() {
        return browser.await("the confirmation of the completion", driver -> Optional.ofNullable(visible(CONFIRMATION))
                .map(panel -> normalized(panel.getText())).orElse(null));
    }

    boolean confirmationHasFocus() {
        return Boolean.TRUE.equals(browser.script(
                "return document.activeElement && document.activeElement.classList.contains('dp-confirmation');"));
    }

    boolean confirmationIsShown() {
        return isShown(".dp-confirmation");
    }

    /** Where the confirmation's link leads: the return as submitted, on the application's page. */
    String confirmationLink() {
        return browser.find(By.cssSelector(".dp-confirmation a")).getAttribute("href");
    }

    void followConfirmationLink() {
        click(browser.find(By.cssSelector(".dp-confirmation a")));
    }

    /**
     * Whether what Tasklist shows but officers cannot or need not use is out of sight. Tasklist redraws its task list
     * now and then, so an element found may be gone when it is asked whether it shows: then it is looked for again.
     */
    boolean isShown(String cssSelector) {
        for (int attempt = 1;; attempt++) {
            try {
                return browser.findAll(By.cssSelector(cssSelector)).stream().anyMatch(WebElement::isDisplayed);
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }

    /** Waits until the form shows at least one error beside a field. */
    List<String> awaitFieldErrors() {
        browser.await("an error beside a field", driver -> !fieldErrors().isEmpty());
        return fieldErrors();
    }

    /** Waits until an error beside a field says the given words. */
    List<String> awaitFieldErrorsShowing(String words) {
        browser.await("an error beside a field saying '" + words + "'",
                driver -> fieldErrors().stream().anyMatch(error -> error.contains(words)));
        return fieldErrors();
    }

    /** Waits until the form shows no error beside a field any more (form-js checks again as the field is left). */
    void awaitNoFieldErrors() {
        browser.script("document.activeElement && document.activeElement.blur();");
        browser.await("the form's errors to go (" + fieldErrors() + ")", driver -> fieldErrors().isEmpty());
    }

    List<String> fieldErrors() {
        return browser.findAll(By.cssSelector(".fjs-container .fjs-form-field-error")).stream()
                .filter(WebElement::isDisplayed).map(error -> normalized(error.getText()))
                .filter(text -> !text.isEmpty()).toList();
    }

    List<String> notifications() {
        return browser.findAll(NOTIFICATIONS).stream().filter(WebElement::isDisplayed)
                .map(notification -> normalized(notification.getText())).toList();
    }

    List<String> awaitNotification(String containing) {
        browser.await("a notification saying '" + containing + "'",
                driver -> notifications().stream().anyMatch(text -> text.contains(containing)));
        return notifications();
    }

    void dismissNotifications() {
        for (WebElement close : browser.findAll(By.cssSelector(".page-notifications .close"))) {
            if (close.isDisplayed()) {
                click(close);
            }
        }
    }

    /**
     * From now on, records the requests the page sends (Tasklist's calls go through XMLHttpRequest), and the bodies
     * of its form submissions.
     */
    void recordRequests() {
        browser.script("""
                window.__requests = [];
                window.__bodies = [];
                if (!window.__recording) {
                  window.__recording = true;
                  const open = XMLHttpRequest.prototype.open;
                  XMLHttpRequest.prototype.open = function (method, url) {
                    this.__request = method + ' ' + url;
                    window.__requests.push(this.__request);
                    return open.apply(this, arguments);
                  };
                  const send = XMLHttpRequest.prototype.send;
                  XMLHttpRequest.prototype.send = function (body) {
                    if (/submit-form|\\/complete/.test(this.__request || '') && typeof body === 'string') {
                      window.__bodies.push(body);
                    }
                    return send.apply(this, arguments);
                  };
                  const fetch = window.fetch;
                  window.fetch = function (input, init) {
                    window.__requests.push(((init && init.method) || 'GET') + ' ' + (input.url || input));
                    return fetch.apply(this, arguments);
                  };
                }""");
    }

    /** The body of the last form submission the page sent since {@link #recordRequests()}. */
    String lastFormSubmission() {
        List<String> bodies = browser.script("return window.__bodies || [];");
        if (bodies.isEmpty()) {
            throw new AssertionError("the page sent no form submission");
        }
        return bodies.get(bodies.size() - 1);
    }

    List<String> recordedRequests() {
        List<String> requests = browser.script("return window.__requests || [];");
        return requests;
    }

    String pageText() {
        return browser.find(By.tagName("body")).getText();
    }

    /**
     * Clicks the element where an officer would: scrolled into the middle of its panel first, so that Tasklist's
     * banner, header and notifications do not cover it; if something still does, once more after a moment.
     */
    void click(WebElement element) {
        scrollTo(element);
        try {
            element.click();
        } catch (ElementClickInterceptedException covered) {
            Browser.pause(700);
            scrollTo(element);
            element.click();
        }
    }

    void scrollTo(WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        Browser.pause(150);
    }

    private WebElement visible(By by) {
        return browser.findAll(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    static String normalized(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
