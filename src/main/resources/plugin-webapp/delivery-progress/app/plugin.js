/*
 * Delivery Progress in Camunda Tasklist 7.24: drafts of an update kept on the server, so that the lead officer and
 * the data-entry officer continue them in any browser (Tasklist's own Save keeps a form in one browser only, and its
 * copy would then hide a newer draft). Loaded by Tasklist as the plugin's script (tasklist/DraftsPlugin).
 *
 * In the update's form, the three texts and the evidence's lists are saved as the update's draft when the officer
 * clicks Save and when they leave the form (another task, another page, the browser closed), if they changed; "Draft
 * saved at 10:42 by …" is shown above the buttons. The form opens with the latest draft already (the server puts it
 * in the form's data), and says at its top when and by whom that draft was saved; once this form saves a newer one,
 * that note is hidden, so that the form names one draft, the latest.
 *
 * Signing out saves the draft first, while the session lasts. A save refused because the session had ended (it
 * expired) is kept in this browser and sent again when the officer, signed in again, opens the form; the form is
 * then shown again, with them. A save refused for what it holds (a text too long, a draft saved since) is kept in this
 * browser too: when the officer comes back to the form, it says above the form what was not saved and why, with the
 * texts to copy, until a save succeeds or the officer dismisses it.
 *
 * No save replaces a draft saved after the form was opened (in another window, or by the plan's other officer): each
 * save names the version of the draft it is based on, and the server refuses one based on an older version, saying
 * who saved it when, with a button that replaces it knowingly; leaving the form never does.
 *
 * An update that ended while its form was open (the plan's other officer submitted it, or its cycle closed) can save
 * nothing: Tasklist keeps the form on screen, under why (the officers' script), until the officer leaves it; then,
 * where the form was, the officer is told why nothing was saved, with the texts they wrote to copy.
 */
const pluginApi = document.querySelector('base').getAttribute('tasklist-api') + 'plugin/delivery-progress/default';
const TEXTS = ['achievements', 'plannedActivities', 'blockages'];
const STATUS_CLASS = 'dp-draft-status';
const NOT_SENT_CLASS = 'dp-not-sent';
/** On the form's container (form-js makes one per form) once a save outdates the form's note (plugin.css). */
const SUPERSEDED_CLASS = 'dp-draft-superseded';
const UNSAVED = 'dp-unsaved:';
/** The most a browser sends kept alive as the page goes (Chromium's limit): it refuses a longer request outright. */
const KEEPALIVE_BYTES = 64 * 1024;

/** The update's form on screen: its task and the texts as the form first showed them or as last saved. */
let open = null;

function updateForm() {
  const container = document.querySelector('[cam-tasklist-form] .fjs-container');
  const fields = TEXTS.map(name => container?.querySelector(`textarea[id$='-Field_${name}']`));
  if (fields.some(field => !field) || fields.some(field => field.disabled || field.readOnly)) {
    return null;
  }
  return { taskId: new URLSearchParams(location.hash.split('?')[1] ?? '').get('task'), fields };
}

/**
 * The evidence's lists as the form shows them, entry by entry: form-js numbers each entry's field ids
 * (Field_indicatorValue_0, _1 ...). A select shows its option's label, turned back into the value here.
 */
const LISTS = {
  indicatorValues: { key: ['code', 'Field_indicatorCode'], texts: { period: 'Field_indicatorPeriod',
    value: 'Field_indicatorValue', note: 'Field_indicatorNote' }, checks: { noData: 'Field_indicatorNoData' } },
  actionProgress: { key: ['reference', 'Field_actionReference'], texts: { status: 'Field_actionStatus',
    note: 'Field_actionNote' } },
  remedialFollowUp: { key: ['id', 'Field_followUpId'], texts: { state: 'Field_followUpState',
    note: 'Field_followUpNote' }, labels: { Done: 'done', 'In progress': 'inProgress', 'Not done': 'notDone' } }
};

function listEntries(container, list) {
  const field = (id, index) => container.querySelector(`[id$='-${id}_${index}']`);
  const entries = [];
  for (let index = 0; field(list.key[1], index); index++) {
    const entry = { [list.key[0]]: field(list.key[1], index).value };
    Object.entries(list.texts).forEach(([name, id]) => {
      const value = field(id, index)?.value ?? '';
      entry[name] = list.labels?.[value] ?? value;
    });
    Object.entries(list.checks ?? {}).forEach(([name, id]) => { entry[name] = field(id, index)?.checked ?? false; });
    entries.push(entry);
  }
  return entries;
}

function textsOf(fields) {
  const texts = Object.fromEntries(TEXTS.map((name, index) => [name, fields[index].value]));
  const container = fields[0].closest('.fjs-container');
  Object.entries(LISTS).forEach(([name, list]) => { texts[name] = listEntries(container, list); });
  return texts;
}

function csrfToken() {
  return document.cookie.split('; ').find(cookie => cookie.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '';
}

/**
 * Saves the texts if they changed since the form opened or was saved; keepalive lets it finish as the page goes.
 * Answers whether the server holds them now (unchanged, or saved).
 */
async function save(draft, keepalive) {
  const written = JSON.stringify(textsOf(draft.fields));
  // Leaving may be told twice (the tab hidden, the page gone): the same texts are sent once
  if (written === draft.savedTexts || written === draft.sending) {
    return written === draft.savedTexts;
  }
  draft.sending = written;
  const { response, answer } = await send(draft.taskId, written, draft.basedOn, keepalive);
  draft.sending = null;
  if (response.ok) {
    draft.savedTexts = written;
    draft.basedOn = answer.version;
    // A class on the container, not the note hidden itself: form-js may render the note again as the form changes.
    draft.fields[0].closest('.fjs-container')?.classList.add(SUPERSEDED_CLASS);
  }
  // The officers' script marks the task whose completion this page has just confirmed: its form holds nothing lost.
  if (response.status === 404 && !draft.fields[0].isConnected
    && document.body.dataset.dpCompletedTask !== draft.taskId) {
    showNotSent(answer.message, draft, JSON.parse(written));
    return false;
  }
  // A form left for another is not told about over the other's buttons: a refusal waits for the officer's return.
  if (draft !== open) {
    return response.ok;
  }
  const replace = response.status === 409 ? () => {
    draft.basedOn = answer.version;
    save(draft, false);
  } : null;
  showStatus(answer.message, !response.ok, replace);
  return response.ok;
}

/**
 * Sends a draft to the server. One refused is kept in this browser: refused because the session has ended, to be sent
 * again once the officer has signed in ({@link saveUnsaved}); refused for what it holds, with why, to be shown when the
 * officer comes back to the form ({@link showNotSaved}). One refused because its update has ended is told at once
 * ({@link showNotSent}): there is no form to come back to.
 */
async function send(taskId, written, basedOn, keepalive) {
  const body = JSON.stringify({ ...JSON.parse(written), basedOn });
  // A longer draft is sent as any request: leaving the form for another task in Tasklist leaves the page to finish it.
  // Until 7 December 2026 it was sent kept alive, and the browser's refusal lost it, unsaved and unsaid.
  const response = await fetch(`${pluginApi}/drafts/${encodeURIComponent(taskId)}`, {
    method: 'PUT',
    keepalive: keepalive && new Blob([body]).size <= KEEPALIVE_BYTES,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
    body
  });
  const answer = await response.json().catch(() => ({ message: 'The draft could not be saved.' }));
  if (response.ok) {
    localStorage.removeItem(UNSAVED + taskId);
  } else if (response.status === 401) {
    localStorage.setItem(UNSAVED + taskId, JSON.stringify({ written, basedOn }));
  } else if (response.status !== 404) {
    localStorage.setItem(UNSAVED + taskId, JSON.stringify({ written, basedOn, refusal: answer.message }));
  }
  return { response, answer };
}

/** The version of the task's draft as the form opens with it, which its saves are based on. */
async function versionOf(draft) {
  const response = await fetch(`${pluginApi}/drafts/${encodeURIComponent(draft.taskId)}`, {
    credentials: 'same-origin', headers: { Accept: 'application/json' }
  });
  if (response.ok) {
    draft.basedOn = (await response.json()).version;
  }
}

/**
 * The changes the server refused when the session ended, sent again; the form then shows them, from the server. Refused
 * again, for what they hold, they are shown above the form, with why.
 */
async function saveUnsaved(draft, unsaved) {
  const { response, answer } = await send(draft.taskId, unsaved.written, unsaved.basedOn, false);
  if (response.ok) {
    location.reload();
  } else if (response.status === 401) {
    showStatus(answer.message, true);
  } else {
    showNotSaved(draft, { ...unsaved, refusal: answer.message });
  }
}

/** The draft's state above the form's buttons; a refusal over a newer draft offers to replace it. */
function showStatus(message, isProblem, replace) {
  const actions = document.querySelector('[cam-tasklist-form] .form-actions');
  if (!actions) {
    return;
  }
  let status = document.querySelector('.' + STATUS_CLASS);
  if (!status) {
    status = document.createElement('p');
    status.className = STATUS_CLASS;
    status.setAttribute('role', 'status');
    actions.before(status);
  }
  status.classList.toggle('dp-draft-problem', isProblem);
  status.textContent = message;
  if (replace) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-default btn-sm';
    button.textContent = 'Replace it with what is written here';
    button.addEventListener('click', () => {
      // The line, which says how the replacing went, keeps the focus the button had: it is written anew without it.
      status.tabIndex = -1;
      status.focus();
      replace();
    }, { once: true });
    status.append(' ', button);
    // Above Tasklist's footer, which covers the bottom of the form.
    status.scrollIntoView({ block: 'center' });
  }
}

/**
 * Where Tasklist says "Select a task in the list.", once the form of an update that has ended is gone: why nothing was
 * saved, and the texts the officer wrote, each under its label, to copy. Until another task is opened.
 */
function showNotSent(message, draft, texts) {
  const noTask = document.querySelector('.no-task');
  // Another task opened meanwhile: Tasklist keeps its "Select a task" out of sight.
  if (!noTask || noTask.offsetParent === null) {
    return;
  }
  showUnkept(panel => noTask.before(panel), 'Your update was not sent', message, draft.labels, texts);
}

/**
 * Above the update's form, as the officer comes back to it: what they last wrote in it that the server refused, why,
 * and the texts to copy (the form shows the draft the server holds). A button forgets them, as a save that succeeds
 * does.
 */
function showNotSaved(draft, unsaved) {
  const form = draft.fields[0].closest('.fjs-container');
  if (!form?.isConnected) {
    return;
  }
  // Not beside the form itself, where the officers' script keeps its summary of the form's problems
  const panel = showUnkept(shown => form.parentElement.before(shown), 'What you last wrote in this form was not saved',
    unsaved.refusal, draft.labels, JSON.parse(unsaved.written));
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'btn btn-default btn-sm';
  dismiss.textContent = 'Dismiss: forget these texts';
  dismiss.addEventListener('click', () => {
    localStorage.removeItem(UNSAVED + draft.taskId);
    panel.remove();
    // Not lost with the button, to the top of the page: on to the form, where the officer goes next
    draft.fields[0].focus();
  }, { once: true });
  panel.append(dismiss);
}

/** Why what the officer wrote was not kept, and the texts, each under its label, to copy; placed, then focused. */
function showUnkept(place, title, message, labels, texts) {
  document.querySelector('.' + NOT_SENT_CLASS)?.remove();
  const panel = document.createElement('div');
  panel.className = NOT_SENT_CLASS + ' dp-error-summary';
  panel.setAttribute('role', 'alert');
  panel.tabIndex = -1;
  const heading = document.createElement('h2');
  heading.textContent = title;
  const why = document.createElement('p');
  why.textContent = message;
  panel.append(heading, why);
  TEXTS.forEach((name, index) => {
    if (!texts[name]) {
      return;
    }
    const label = document.createElement('label');
    label.textContent = labels[index];
    const text = document.createElement('textarea');
    text.readOnly = true;
    text.rows = 6;
    text.value = texts[name];
    label.append(text);
    panel.append(label);
  });
  place(panel);
  panel.focus();
  return panel;
}

/**
 * Follows the form on screen: remembers a new update form's texts, saves the one the officer has left. A form left
 * because its update was submitted has no task any more: the server answers 404 and keeps nothing.
 */
function follow() {
  const form = updateForm();
  if (open && (!form || form.taskId !== open.taskId || !open.fields[0].isConnected)) {
    save(open, true);
    open = null;
  }
  if (form && !open) {
    document.querySelector('.' + NOT_SENT_CLASS)?.remove();
    // The label's own words, without form-js's mark of a required field
    const labels = form.fields.map(field => field.closest('.fjs-form-field')?.querySelector('.fjs-form-field-label')
      ?.firstChild?.textContent?.trim() ?? '');
    open = { ...form, labels, savedTexts: JSON.stringify(textsOf(form.fields)) };
    versionOf(open);
    // A copy Tasklist's own Save left in this browser would show instead of the draft on the server.
    localStorage.removeItem('camunda-form:' + form.taskId);
    const unsaved = JSON.parse(localStorage.getItem(UNSAVED + form.taskId));
    if (unsaved?.refusal) {
      showNotSaved(open, unsaved);
    } else if (unsaved) {
      saveUnsaved(open, unsaved);
    }
  }
}

/** Tasklist's Sign out, in the menu under the officer's name: the draft is saved before the session ends. */
document.addEventListener('click', event => {
  const signOut = event.target.closest("[ng-click='logout()']");
  if (!signOut || !open || open.signingOut) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  const draft = open;
  draft.signingOut = true;
  save(draft, false).finally(() => signOut.click());
}, true);

/**
 * A link that leaves Tasklist with the form changed (the form's own link to the draft page, say): the draft is saved
 * first, then the link followed. Saved only as the page went, it reached the server after the next page had been
 * read, and the draft page showed the draft without the latest changes, whose hand-over was then refused as based on
 * an older draft. A refused save keeps the officer on the form, under why.
 */
document.addEventListener('click', event => {
  const link = event.target.closest('a[href]');
  if (!link || !open || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey
    || event.shiftKey || event.altKey || (link.target && link.target !== '_self') || link.hasAttribute('download')
    || (link.origin === location.origin && link.pathname === location.pathname && link.search === location.search)) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  save(open, false).then(saved => {
    if (saved) {
      location.assign(link.href);
    } else {
      document.querySelector('.' + STATUS_CLASS)?.scrollIntoView({ block: 'center' });
    }
  });
}, true);

document.addEventListener('click', event => {
  if (open && event.target.closest("[cam-tasklist-form] .form-actions button[ng-click^='save']")) {
    // After Tasklist's own handler, which stores the form in this browser: the server's draft is the one kept.
    setTimeout(() => {
      localStorage.removeItem('camunda-form:' + open.taskId);
      save(open, false);
    });
  }
}, true);

// Leaving the page: the tab hidden, or another page loaded in it (which a browser may do without hiding the tab)
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && open) {
    save(open, true);
  }
});
window.addEventListener('pagehide', () => {
  if (open) {
    save(open, true);
  }
});

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      follow();
    });
  }
}).observe(document.body, { childList: true, subtree: true });

export default [];
