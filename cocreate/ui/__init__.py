"""The main window, docks, dialogs, actions and menus (Qt widgets)."""
