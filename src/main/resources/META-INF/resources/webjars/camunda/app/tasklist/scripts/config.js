/*
 * Delivery Progress: Tasklist's configuration (replaces the webjar's scripts/config.js, which configures nothing but
 * the keyboard shortcuts kept below). delivery-progress/officers.js is the project's one addition to Tasklist.
 */
export default {
  customScripts: ['delivery-progress/officers'],
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
