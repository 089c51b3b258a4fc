/*
 * Delivery Progress in Camunda Tasklist 7.24: what Tasklist's configuration cannot say. Loaded as a custom script
 * (scripts/config.js); it uses the signed-in user's session and Camunda's own REST API, and changes nothing on the
 * server.
 *
 * - Shows "Create task" and "Start process" (hidden by styles/user-styles.css) only to a user Camunda lets use them,
 *   and an open task's link to its process in Cockpit only to a user Camunda lets use Cockpit (network managers).
 * - Shows an open task's Add Comment, its groups and the × beside its assignee (hidden by styles/user-styles.css too)
 *   only where Camunda would let the signed-in user use them on that task: most officers hold none of the rights.
 *   The assignee's name, which opens Tasklist's editor to set another, is plain text to those who may not assign;
 *   the task's due date, which no one changes in Tasklist, is plain text to everyone.
 * - Shows how many tasks each filter holds, not only the open one's (Tasklist 7.24 counts the open filter alone), so
 *   that an officer sees where their work is.
 * - After an officer tries to complete a task's form, puts what is wrong where they look: an error summary at the top
 *   of the form (GOV.UK's pattern), naming each field with a link to it, and the server's refusal in words, with the
 *   focus on it. Tasklist itself shows a field's error only beside the field, possibly thousands of pixels above the
 *   button, and the refusal in a notification that covers the Complete button.
 * - After an officer completes a return's task, confirms it where the form was (GOV.UK's confirmation panel): what
 *   they did, for which plan and meeting, who acts next, and a link to the return as submitted on the application's
 *   page, with the focus on it, until they open another task. Tasklist itself only drops the task from the list. The
 *   script learns what it says from Tasklist's own requests, which it listens to and does not change: the form's
 *   variables as the form opens (the plan, the cycle and `confirmation`, from returns/ReturnForms) and the values
 *   the form sent, once the server has accepted them.
 * - When the open task ends meanwhile (completed in another window, or its cycle closed), says so where Tasklist
 *   says only "The task has been removed.": what is written in the form was not sent, and is there to copy. Tasklist
 *   notices on its refresh, every ten seconds, and keeps the form on screen until the officer closes it.
 * - When the address names a task the officer cannot open (Back after completing it, another officer's), says so in
 *   words, where Tasklist shows the engine's, with a link to the page saying who has it or who completed it.
 * - When a start is refused (a cycle while the network's current one is open), shows the reason without the engine's
 *   words and the process definition's id before it.
 * - Names Tasklist's icon-only buttons and links, which a screen reader otherwise announces as "button" or "link".
 * - Moves the focus to the entry a list's *Add new* adds, where form-js leaves it on the button, below the entry.
 */
const base = document.querySelector('base');
const engineApi = base.getAttribute('engine-api') + 'engine/default';

async function engine(path) {
  return fetchJson(engineApi + path);
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  return response.ok ? response.json() : null;
}

/** Who is signed in, as the header shows them (their id, then their name once Tasklist has read it). */
function signedInUser() {
  return document.querySelector('[cam-widget-header] .account')?.textContent?.trim() || null;
}

let checkedFor = null;

/** Asks Camunda, once per signed-in user, what they may start or create, and marks the page accordingly. */
async function showWhatTheUserMayUse() {
  const user = signedInUser();
  if (user === checkedFor) {
    return;
  }
  checkedFor = user;
  completed = null;
  countsByFilterName = new Map();
  countsAskedAt = 0;
  const [startable, createTask, signedIn] = await Promise.all([
    engine('/process-definition/count?latestVersion=true&active=true&startableInTasklist=true'
      + '&startablePermissionCheck=true'),
    engine('/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7'),
    fetchJson(base.getAttribute('admin-api') + 'auth/user/default')
  ]);
  document.body.classList.toggle('dp-may-start-processes', (startable?.count ?? 0) > 0);
  document.body.classList.toggle('dp-may-create-tasks', createTask?.authorized === true);
  document.body.classList.toggle('dp-may-use-cockpit', signedIn?.authorizedApps?.includes('cockpit') === true);
}

/** The signed-in user and the open task whose rights the page is marked with, or is being marked with. */
let taskCheckedFor = null;
/** The task whose rights the page is marked with. */
let taskMarked = null;

/**
 * Asks Camunda, for each task opened, what the signed-in user may do with it beyond working on it, and marks the page
 * accordingly; until the answers come, the controls stay hidden. The engine decides each as follows:
 * - the × beside the assignee (unclaim, or remove another's name) sets the assignee, which takes TASK_ASSIGN: the
 *   update's officers and the agreement's managers hold it to hand the task to each other, other officers do not;
 * - the groups ("Add groups", or the groups' names, which open the same dialog) change whom the task is offered to,
 *   which takes TASK_ASSIGN too; but that is held for the hand-over only (returns/ReturnTaskChangeListener refuses
 *   every group, on the agreement every group but the network's managers): the groups are for those who may UPDATE
 *   the task, administrators;
 * - Add Comment is refused (400, "No task found") unless the engine finds the task in the user's history: READ_HISTORY,
 *   which officers and managers do not hold. Officers' words belong in the return, not in Camunda's comments.
 * Camunda also grants TASK_ASSIGN and UPDATE_TASK on a process definition; the application grants neither but to
 * administrators, who hold every task's rights as well.
 */
async function showWhatTheUserMayDoWithTheTask() {
  const task = taskInAddress();
  const user = signedInUser();
  const checking = task && user ? `${user} ${task}` : null;
  if (checking === taskCheckedFor) {
    return;
  }
  taskCheckedFor = checking;
  // The header names the user by their id, then by their name: the same task is asked about again without hiding
  // its controls meanwhile, which would take the focus from a control that has it.
  if (!user || task !== taskMarked) {
    taskMarked = null;
    markTaskRights({});
  }
  if (!checking) {
    return;
  }
  const onTask = `&resourceName=Task&resourceType=7&resourceId=${encodeURIComponent(task)}`;
  const [assign, update, history] = await Promise.all([
    engine('/authorization/check?permissionName=TASK_ASSIGN' + onTask),
    engine('/authorization/check?permissionName=UPDATE' + onTask),
    engine('/history/task/count?taskId=' + encodeURIComponent(task))
  ]);
  // Another task opened, or another user signed in, while Camunda answered.
  if (taskCheckedFor === checking) {
    taskMarked = task;
    markTaskRights({ assign: assign?.authorized === true, update: update?.authorized === true,
      comment: (history?.count ?? 0) > 0 });
  }
}

function markTaskRights({ assign = false, update = false, comment = false }) {
  document.body.classList.toggle('dp-may-assign-task', assign);
  document.body.classList.toggle('dp-may-change-task-groups', update);
  document.body.classList.toggle('dp-may-comment-on-task', comment);
}

/**
 * The assignee's name opens Tasklist's editor to set another assignee, which takes TASK_ASSIGN: on a click (which
 * styles/user-styles.css lets through only to a user who may assign the task), or on Enter once the keyboard has
 * reached it, as Tasklist makes it focusable (tabindex 0). To a user who may not, it is not focusable either, so that
 * neither the keyboard nor a screen reader offers it; it is given back its tabindex once Camunda's answer allows it.
 */
function offerTheAssigneeEditorOnlyToThoseWhoMayAssign() {
  const name = document.querySelector('.task-details li.assignee [cam-widget-inline-field]');
  if (!name) {
    return;
  }
  const mayAssign = document.body.classList.contains('dp-may-assign-task');
  if (mayAssign && !name.hasAttribute('tabindex')) {
    name.setAttribute('tabindex', '0');
  } else if (!mayAssign && name.hasAttribute('tabindex')) {
    name.removeAttribute('tabindex');
  }
}

const DUE_DATE = '.task-details .due-date[cam-widget-inline-field]';

/**
 * A task's due date is shown, not changed, in Tasklist: the engine accepts a new one only when the application
 * recorded it first, and Tasklist fails to save any change to a task with a Camunda Form. styles/user-styles.css lets
 * no mouse click through to it, but Tasklist makes it a Tab stop whose Enter opens its date editor: until 7 December
 * 2026 a keyboard user reached a calendar for a date they could not change. It is text to the keyboard too, and a
 * click made on it otherwise (a screen reader's) opens nothing.
 */
function showTheDueDateAsText() {
  document.querySelector(DUE_DATE + '[tabindex]')?.removeAttribute('tabindex');
}

document.addEventListener('click', event => {
  if (event.target.closest?.(DUE_DATE)) {
    event.preventDefault();
    event.stopPropagation();
  }
}, true);

const COUNT_CLASS = 'dp-count';
/** As often as Tasklist refreshes the open filter's count. */
const COUNTS_EVERY_MS = 10000;
let countsByFilterName = new Map();
let countsAskedAt = 0;

/** Asks Camunda for every filter's count now and then, and shows each beside its filter's name. */
function showFilterCounts() {
  const items = [...document.querySelectorAll('.task-filters .task-filter')];
  if (items.length === 0) {
    return;
  }
  if (Date.now() - countsAskedAt > COUNTS_EVERY_MS) {
    countsAskedAt = Date.now();
    engine('/filter?resourceType=Task&itemCount=true').then(filters => {
      countsByFilterName = new Map((filters ?? []).map(filter => [filter.name, filter.itemCount]));
      paintFilterCounts(items);
    });
  }
  paintFilterCounts(items);
}

function paintFilterCounts(items) {
  for (const item of items) {
    const link = item.querySelector('h4.name a');
    if (!link) {
      continue;
    }
    const name = [...link.childNodes].filter(node => node.nodeType === Node.TEXT_NODE)
      .map(node => node.textContent).join('').trim();
    let count = link.querySelector('.' + COUNT_CLASS);
    // The open filter shows Tasklist's own count.
    if (item.classList.contains('active') || !countsByFilterName.has(name)) {
      count?.remove();
      continue;
    }
    if (!count) {
      count = document.createElement('span');
      count.className = 'counter ' + COUNT_CLASS;
      link.append(count);
    }
    const shown = String(countsByFilterName.get(name));
    if (count.textContent !== shown) {
      count.textContent = shown;
    }
  }
}

const SUMMARY_CLASS = 'dp-error-summary';
const COMPLETE_BUTTONS = "button[ng-click='complete()'], .fjs-container button[type='submit']";

/** Whether the officer has tried to complete the form on screen, and what the server answered since. */
let attempt = null;

document.addEventListener('click', event => {
  const form = taskForm();
  if (form && event.target.closest(COMPLETE_BUTTONS)) {
    attempt = { form, refusals: [] };
  }
}, true);

function taskForm() {
  return document.querySelector('[cam-tasklist-form] .fjs-container');
}

/** The problems form-js shows beside the fields, each with the field to go to. */
function fieldProblems(form) {
  return [...form.querySelectorAll('.fjs-form-field.fjs-has-errors')].flatMap(field => {
    const label = field.querySelector('.fjs-form-field-label')?.firstChild?.textContent?.trim()
      || field.querySelector('legend, .fjs-form-field-label')?.textContent?.trim() || 'A field';
    const input = field.querySelector('input, textarea, select, [tabindex]');
    const where = entryNamed(field, input);
    return [...field.querySelectorAll('.fjs-form-field-error li')].map(error => {
      const message = error.textContent.trim();
      const text = message === 'Field is required.' ? `Fill in “${label}”.` : `“${label}”: ${message}`;
      return { text: where + text, input };
    });
  });
}

/**
 * Which entry of a list a field is in, as the form heads it ("CS.2: Train the staff", "Remedial action 2"), shortened;
 * by its number where it has no heading (form-js numbers a field's id by its entry, Field_followUpState_1).
 */
function entryNamed(field, input) {
  const list = field.closest('.fjs-form-field-dynamiclist');
  if (!list) {
    return '';
  }
  // Each entry begins with its heading, and form-js boxes an entry only in a list it lets the officer add to: the
  // entry's heading is the list's last one before the field
  const heading = [...list.querySelectorAll('.fjs-form-field-html strong, .fjs-form-field-text strong')]
    .filter(strong => strong.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING)
    .at(-1)?.textContent?.trim();
  if (heading) {
    const cut = heading.lastIndexOf(' ', 59);
    return `${heading.length > 60 ? heading.slice(0, cut > 0 ? cut : 59) + '…' : heading} – `;
  }
  const entry = input?.id.match(/_(\d+)$/)?.[1];
  const listLabel = list.querySelector('.fjs-form-field-label')?.textContent?.trim();
  return entry === undefined ? '' : `${listLabel}, entry ${Number(entry) + 1}: `;
}

/** Tasklist's error notifications are moved into the summary: the officer reads them there, not over the button. */
function takeRefusals() {
  for (const alert of document.querySelectorAll('.page-notifications .alert-danger')) {
    const status = alert.querySelector('.status')?.textContent?.trim() ?? '';
    const message = alert.querySelector('.message')?.textContent?.trim() ?? '';
    alert.querySelector("button.close[ng-click^='removeNotification']")?.click();
    if (message) {
      // The engine puts "Cannot submit task form <id>: " before the application's own words; each problem is a
      // sentence of them.
      attempt.refusals.push(...message.replace(/^Cannot submit task form [^:]*: /, '').split(/(?<=\.)\s+(?=[A-Z])/));
    } else if (status && !taskForm()?.querySelector('.fjs-has-errors')) {
      attempt.refusals.push(status + '.');
    }
  }
}

function showErrorSummary() {
  const form = taskForm();
  if (!attempt || attempt.form !== form) {
    attempt = null;
    return;
  }
  takeRefusals();
  const problems = [...attempt.refusals.map(text => ({ text })), ...fieldProblems(form)];
  // Beside the form, not in it: form-js renders the container's content and would drop what it does not know.
  let summary = form.previousElementSibling?.classList.contains(SUMMARY_CLASS) ? form.previousElementSibling : null;
  if (problems.length === 0) {
    summary?.remove();
    return;
  }
  const key = JSON.stringify(problems.map(problem => problem.text));
  if (summary?.dataset.key === key) {
    return;
  }
  const isNew = !summary;
  if (isNew) {
    summary = document.createElement('div');
    summary.className = SUMMARY_CLASS;
    summary.setAttribute('role', 'alert');
    summary.tabIndex = -1;
    form.before(summary);
  }
  summary.dataset.key = key;
  summary.replaceChildren(heading('There is a problem'), list(problems),
    // Not "submit again": a refusal may be of who submits (a data-entry officer where the lead officer does), and
    // each item says what to do.
    paragraph('Nothing has been submitted.'));
  if (isNew) {
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  }
}

function heading(text) {
  const element = document.createElement('h2');
  element.textContent = text;
  return element;
}

function paragraph(text) {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

function list(problems) {
  const element = document.createElement('ul');
  for (const problem of problems) {
    const item = document.createElement('li');
    if (problem.input) {
      const link = document.createElement('a');
      link.href = '#' + (problem.input.id || '');
      link.textContent = problem.text;
      link.addEventListener('click', event => {
        event.preventDefault();
        problem.input.scrollIntoView({ block: 'center' });
        problem.input.focus({ preventScroll: true });
      });
      item.append(link);
    } else {
      item.textContent = problem.text;
    }
    element.append(item);
  }
  return element;
}

// A task ended while its form was open -------------------------------------------------------------------------

const REMOVED_WHY_CLASS = 'dp-removed-why';

function explainRemovedTask() {
  // Tasklist's words, beside its Close task button
  const notice = document.querySelector('.task-card.task-removed .task-removed-alert .text-padded');
  if (!notice || notice.querySelector('.' + REMOVED_WHY_CLASS)) {
    return;
  }
  const why = paragraph('It has been completed, in another window or by another officer, or its cycle has closed. '
    + 'What is written in the form below was not sent: copy anything you want to keep before you close the task.');
  why.className = REMOVED_WHY_CLASS;
  notice.append(why);
}

// An address of a task that has ended ----------------------------------------------------------------------------

/** The engine's words in Tasklist's notification when the task its address names is gone. */
const NO_SUCH_TASK = /No matching task with id (\S+)/;

/**
 * Tasklist opens the task its address names (the browser's Back after completing it, an old bookmark, another
 * officer's task) and, finding none the officer may see, says so in the engine's words: "The task does not exist
 * anymore: <task> <- No matching task with id ...". Said here in the officers' words, with the task's page, which says
 * who has it, or who completed it and when (history/TaskLinks, where the emails' links go for the same reason).
 */
function explainEndedTaskInAddress() {
  for (const alert of document.querySelectorAll('.page-notifications .alert-danger')) {
    const message = alert.querySelector('.message');
    const taskId = message?.textContent.match(NO_SUCH_TASK)?.[1];
    if (taskId) {
      const link = document.createElement('a');
      link.href = `${applicationRoot}/tasks/${encodeURIComponent(taskId)}`;
      link.textContent = 'who has it, or who completed it and when';
      alert.querySelector('.status').textContent = 'This task is not open to you';
      message.replaceChildren('It has been completed, its cycle has closed, or it is someone else\'s: nothing is '
        + 'asked of you in it. See ', link, '.');
    }
  }
}

// A start refused ---------------------------------------------------------------------------------------------

/** The engine's words before the reason a start is refused, naming the process definition by its id. */
const START_REFUSED = /^Cannot instantiate process definition \S+: /;

/**
 * Tasklist's start dialog shows a refused start (a meeting whose network's cycle is still open) as "The process could
 * not be started. : Cannot instantiate process definition quarterlyCycle:1:<id>: The cycle ... is still open ...":
 * the manager reads the application's reason after the sentence before it, without the colon Tasklist puts between
 * them or the engine's words and ids.
 */
function explainRefusedStart() {
  for (const message of document.querySelectorAll('.modal .alert-danger .message')) {
    if (START_REFUSED.test(message.textContent)) {
      message.textContent = message.textContent.replace(START_REFUSED, '');
      const colon = message.previousElementSibling;
      if (colon?.textContent.trim() === ':') {
        colon.hidden = true;
      }
    }
  }
}

// Tasklist's icons ------------------------------------------------------------------------------------------------

/** What Tasklist's icon-only controls without a tooltip do, by their look. */
const ICON_NAMES = [
  ['.maximize', 'Show the task across the whole window'],
  ["[data-region='filters']", 'Show or hide the filters'],
  ["[data-region='list']", 'Show or hide the list of tasks'],
  ["[data-region='task']", 'Show or hide the task'],
  ['.glyphicon-floppy-disk', 'Saved searches']
];

/**
 * Tasklist draws some of its buttons and links as an icon alone, which the keyboard reaches and a screen reader
 * announces as "button" or "link", no more (found with the keyboard on 7 December 2026): each is named by its tooltip
 * (kept up to date: the sort's changes with the order), or by what it does.
 */
function nameIconControls() {
  for (const control of document.querySelectorAll('a[href], button')) {
    if (control.innerText.trim() || (control.hasAttribute('aria-label') && !control.dataset.dpNamed)) {
      continue;
    }
    const tooltip = [control, ...control.querySelectorAll('[uib-tooltip]')]
      .map(element => element.getAttribute('uib-tooltip')).find(Boolean);
    const name = tooltip || ICON_NAMES.find(([look]) => control.matches(look) || control.querySelector(look))?.[1];
    if (name && control.getAttribute('aria-label') !== name) {
      control.setAttribute('aria-label', name);
      control.dataset.dpNamed = 'true';
    }
  }
}

// The confirmation ---------------------------------------------------------------------------------------------

const CONFIRMATION_CLASS = 'dp-confirmation';
const FORM_VARIABLES = /\/task\/([^/?]+)\/form-variables(\?|$)/;
const SUBMIT_FORM = /\/task\/([^/?]+)\/submit-form$/;
/** The application's pages are at the root of the path the webapps live under (app-root, such as /camunda). */
const applicationRoot = base.getAttribute('app-root').replace(/\/[^/]*$/, '');

/** The return whose form is open, as its variables describe it: task id, plan, cycle, confirmation. */
let openReturn = null;
/** The completion to confirm: the open return when it was completed, and what the form sent. */
let completed = null;

/** Listens to Tasklist's requests (all through XMLHttpRequest) for a return's form variables and its completion. */
const requests = new WeakMap();
const openRequest = XMLHttpRequest.prototype.open;
const sendRequest = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  requests.set(this, { method: String(method).toUpperCase(), url: String(url) });
  return openRequest.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function (body) {
  const { method, url = '' } = requests.get(this) ?? {};
  const opened = method === 'GET' && url.match(FORM_VARIABLES);
  const submitted = method === 'POST' && url.split('?')[0].match(SUBMIT_FORM);
  if (opened || submitted) {
    this.addEventListener('load', () => {
      if (this.status < 200 || this.status >= 300) {
        return;
      }
      if (opened) {
        formOpened(opened[1], this.responseText);
      } else {
        formAccepted(submitted[1], body);
      }
    });
  }
  return sendRequest.apply(this, arguments);
};

/** A Json variable as Tasklist asks for it (deserializeValues=false): its value is JSON text. */
function jsonVariable(variables, name) {
  const value = variables?.[name]?.value;
  return typeof value === 'string' ? JSON.parse(value) : value ?? null;
}

function formOpened(taskId, response) {
  const variables = JSON.parse(response);
  const confirmation = jsonVariable(variables, 'confirmation');
  // Only a return's tasks carry a confirmation.
  openReturn = confirmation && { taskId, confirmation, plan: jsonVariable(variables, 'plan'),
    cycle: jsonVariable(variables, 'cycle') };
}

function formAccepted(taskId, body) {
  // For the drafts' plugin: the form of a task completed here leaves nothing unsent.
  document.body.dataset.dpCompletedTask = taskId;
  if (openReturn?.taskId === taskId) {
    completed = { ...openReturn, sent: JSON.parse(body).variables ?? {}, focused: false };
  }
}

/** The task Tasklist has open, from its address (#/?...&task=<id>). */
function taskInAddress() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get('task');
}

/** Shows the confirmation where Tasklist says "Select a task in the list.", until another task is opened. */
function showConfirmation() {
  let panel = document.querySelector('.' + CONFIRMATION_CLASS);
  const opened = taskInAddress();
  if (completed && opened && opened !== completed.taskId) {
    completed = null;
  }
  if (!completed) {
    panel?.remove();
    return;
  }
  const noTask = document.querySelector('.no-task');
  if (panel || !noTask || noTask.offsetParent === null) {
    return;
  }
  panel = confirmationPanel(completed);
  noTask.before(panel);
  if (!completed.focused) {
    completed.focused = true;
    panel.scrollIntoView({ block: 'start' });
    panel.focus({ preventScroll: true });
  }
}

/** The form's value of a field as Tasklist sent it. */
function sentValue(sent, name) {
  return sent[name]?.value;
}

/** What the officer did and who acts next, by the step and what the form sent. */
function outcome({ confirmation, plan, sent }) {
  const lead = `${plan.leadOfficerName}, the lead officer,`;
  switch (confirmation.step) {
    case 'Task_SubmitUpdate':
      return { done: 'Update submitted', next: `${plan.judgingOfficerName}, the judging officer, judges it next.` };
    case 'Task_JudgeStatus': {
      if (sentValue(sent, 'judgementOutcome') === 'sentBack') {
        return { done: 'Update sent back', next: `${lead} answers your question next.` };
      }
      const status = sentValue(sent, 'ragStatus');
      return status === 'Red' || status === 'Amber'
        ? { done: `Status set: ${status}`, next: `${lead} proposes remedial actions next.` }
        : { done: `Status set: ${status}`, next: 'Nothing more is asked of this return: it goes to the meeting pack.' };
    }
    case 'Task_ProposeRemedialActions': {
      const manager = confirmation.agreedByName ? `${confirmation.agreedByName}, the network's manager,`
        : 'One of the network\'s managers';
      return { done: 'Remedial actions proposed', next: `${manager} agrees them or sends them back next.` };
    }
    case 'Task_AgreeRemedialActions':
      return sentValue(sent, 'remedialOutcome') === 'sentBack'
        ? { done: 'Remedial actions sent back', next: `${lead} proposes them again next.` }
        : { done: 'Remedial actions agreed', next: 'The return is complete; its lead and judging officers are told '
          + 'by email.' };
    default:
      return { done: 'Task completed', next: null };
  }
}

/** A day such as 2026-12-15 as the partnership reads it, whatever the browser's language: 15 December 2026. */
function dayInWords(isoDay) {
  return new Date(isoDay + 'T00:00:00Z').toLocaleDateString('en-GB',
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function confirmationPanel(completion) {
  const { plan, cycle } = completion;
  const { done, next } = outcome(completion);
  const panel = document.createElement('div');
  panel.className = CONFIRMATION_CLASS;
  panel.setAttribute('role', 'status');
  panel.tabIndex = -1;

  const box = document.createElement('div');
  box.className = CONFIRMATION_CLASS + '-box';
  box.append(heading(done), paragraph(`${plan.reference} ${plan.title}, `
    + `for the network meeting on ${dayInWords(cycle.meetingDate)}`));

  const link = document.createElement('a');
  link.href = `${applicationRoot}/plans/${encodeURIComponent(plan.reference)}/returns/`
    + encodeURIComponent(cycle.reference);
  link.textContent = `the return of ${plan.reference} for ${cycle.reference}, as submitted`;
  const read = paragraph('Read what you sent: ');
  read.append(link, '.');

  panel.append(box);
  if (next) {
    panel.append(paragraph(next));
  }
  panel.append(read);
  return panel;
}

// A text too long -------------------------------------------------------------------------------------------------

/** form-js's words for a text over its field's limit, and the application's in their place. */
const TOO_LONG = [/^Field must have maximum length of (\d+)\.$/, /; the limit is ([\d,]+)\. Shorten it by/];

/**
 * form-js says only "Field must have maximum length of 10000." of a text over its limit, such as a long report pasted
 * into a judgement's comment, and Tasklist then greys its Complete button: the officer is told how long the text is
 * and by how much to shorten it, kept up to date as they edit, in the words the server uses of a text too long.
 */
function explainTooLong() {
  for (const error of document.querySelectorAll('.fjs-container .fjs-form-field-error li')) {
    const limit = TOO_LONG.map(words => error.textContent.trim().match(words)?.[1]).find(Boolean);
    const input = error.closest('.fjs-form-field')?.querySelector('textarea, input');
    if (!limit || !input) {
      continue;
    }
    const most = Number(limit.replaceAll(',', ''));
    const counted = number => number.toLocaleString('en-GB');
    const words = `${counted(input.value.length)} characters long; the limit is ${counted(most)}. Shorten it by `
      + `${counted(input.value.length - most)}.`;
    if (input.value.length > most && error.textContent !== words) {
      // Written into form-js's own text node: in a node of its own, the words outlived the error, form-js writing
      // its next one ("Field is required." of the text emptied) into the node it had drawn, no longer shown
      const text = error.firstChild;
      if (text?.nodeType === Node.TEXT_NODE && !text.nextSibling) {
        text.data = words;
      } else {
        error.textContent = words;
      }
    }
  }
}

// A list's Add new ---------------------------------------------------------------------------------------------

/**
 * form-js keeps the focus on a list's *Add new* once it has added the entry above it: tabbing on went past the new
 * entry, to the form's button, and the officer had to come back for it field by field. The focus goes to the new
 * entry's first field, as it is what the officer fills in next.
 */
document.addEventListener('click', event => {
  const add = event.target.closest('[cam-tasklist-form] .fjs-repeat-render-add');
  const list = add?.closest('.fjs-form-field-dynamiclist');
  if (!list) {
    return;
  }
  const entries = () => list.querySelectorAll('.fjs-repeat-row-container');
  const before = entries().length;
  // form-js draws the entry after this click, on a later frame
  const focusTheNewEntry = framesLeft => {
    const added = entries().length > before ? [...entries()].at(-1) : null;
    const field = added && [...added.querySelectorAll('input, textarea')]
      .find(input => input.offsetParent !== null && !input.disabled && !input.readOnly);
    if (field) {
      field.focus();
    } else if (framesLeft > 0) {
      requestAnimationFrame(() => focusTheNewEntry(framesLeft - 1));
    }
  };
  requestAnimationFrame(() => focusTheNewEntry(30));
  // Before form-js's own handler, which may have drawn the entry by the time the click bubbles here
}, true);

// form-js draws its error once, and not again while it stays: the count follows each edit. When it does write another
// error into the same line, the observer below sees the text change (characterData).
document.addEventListener('input', () => requestAnimationFrame(explainTooLong), true);

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      showWhatTheUserMayUse();
      showWhatTheUserMayDoWithTheTask();
      offerTheAssigneeEditorOnlyToThoseWhoMayAssign();
      showTheDueDateAsText();
      showFilterCounts();
      showErrorSummary();
      explainRemovedTask();
      explainEndedTaskInAddress();
      explainRefusedStart();
      explainTooLong();
      nameIconControls();
      showConfirmation();
    });
  }
}).observe(document.body, {
  childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class']
});

export default [];
