#!/usr/bin/python3
"""flatpak-portals.py FIRST HOME APP_ID OUT: drives the sandboxed Goodwill
window and the portal backend's dialogs over AT-SPI, by accessible names, as
a person would: the window drawn, import through the file chooser and
document portals, export, Save as PDF through the print portal, and "Remind
me when Goodwill is closed" through the Background portal. Prints five TAP
results numbered from FIRST. Run by tools/flatpak-session."""

import os
import sqlite3
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# Atspi 2.46 has no SWITCH role; GTK's switches are toggle buttons there.
SWITCH = getattr(Atspi.Role, "SWITCH", Atspi.Role.TOGGLE_BUTTON)
first, home, app_id, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
store = os.path.join(home, ".var/app", app_id, "data/goodwill/goodwill.db")
number = first


def result(ok, name, detail=""):
    global number
    print(("ok" if ok else "not ok") + " %d - %s" % (number, name))
    for line in str(detail).splitlines():
        if line.strip():
            print("# " + line)
    sys.stdout.flush()
    number += 1


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.get_child_count()
    except GLib.GError:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except GLib.GError:
            continue
        yield from walk(child, depth + 1)


def find(root, predicate):
    for node in walk(root):
        try:
            if predicate(node):
                return node
        except GLib.GError:
            continue
    return None


def wait_for(function, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            value = function()
        except GLib.GError:
            value = None
        if value:
            return value
        time.sleep(0.25)
    return None


def application(name_test):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and name_test(app):
                return app
        except GLib.GError:
            continue
    return None


def window_named(app, title):
    for i in range(app.get_child_count()):
        try:
            window = app.get_child_at_index(i)
            if window is not None and window.get_name() == title:
                return window
        except GLib.GError:
            continue
    return None


def portal_window(title):
    """The portal backend's dialog called title (another process)."""
    def look():
        backend = application(lambda a: "portal" in (a.get_name() or ""))
        return backend and window_named(backend, title)
    return wait_for(look, 20)


def named(role, name, exact=True):
    def test(node):
        if node.get_role() != role:
            return False
        label = (node.get_name() or "").replace("_", "")
        # GTK 4.8 names a mnemonic button "Open _Open": match its end too.
        return label == name or (not exact and label.endswith(name))
    return test


def press(node):
    """Activates node: by its AT-SPI action where it has one, else a click
    at the middle of where AT-SPI says it is."""
    action = node.get_action_iface()
    if action is not None and action.get_n_actions() > 0:
        action.do_action(0)
        return
    extents = node.get_extents(Atspi.CoordType.SCREEN)
    subprocess.run(["xdotool", "mousemove", str(extents.x + extents.width // 2),
                    str(extents.y + extents.height // 2), "click", "1"], check=True)


def x_window(title):
    found = subprocess.run(["xdotool", "search", "--name", "^%s$" % title],
                           capture_output=True, text=True).stdout.split()
    return found[-1] if found else None


def type_into_chooser(dialog, title, path, button):
    """Types path into the chooser's location entry (Ctrl+L opens it in
    an Open dialog; a Save dialog has its Name field) and presses button."""
    window = x_window(title)
    if window:
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False)
    entry = find(dialog, lambda n: n.get_role() == Atspi.Role.TEXT and
                 n.get_state_set().contains(Atspi.StateType.SHOWING) and
                 n.get_state_set().contains(Atspi.StateType.EDITABLE))
    if entry is None:
        subprocess.run(["xdotool", "key", "ctrl+l"], check=False)
        entry = wait_for(lambda: find(dialog, lambda n: n.get_role() == Atspi.Role.TEXT and
                                      n.get_state_set().contains(Atspi.StateType.SHOWING) and
                                      n.get_state_set().contains(Atspi.StateType.EDITABLE)), 5)
    if entry is None:
        return "no location entry in '%s'" % title
    entry.get_editable_text_iface().set_text_contents(path)
    # Enter in the location entry is what a person presses; the button only
    # where the dialog is still there.
    time.sleep(0.5)
    if window:
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False)
    subprocess.run(["xdotool", "key", "Return"], check=False)
    if wait_for(lambda: not showing(dialog), 3):
        return None
    target = wait_for(lambda: find(dialog, named(Atspi.Role.PUSH_BUTTON, button)), 5)
    if target is None:
        return "no '%s' button in '%s'; see %s" % (button, title, dump(dialog, "chooser"))
    press(target)
    if wait_for(lambda: not showing(dialog), 5):
        return None
    return "the '%s' dialog stayed open after '%s'; see %s" % (title, button, snap("chooser"))


def showing(node):
    try:
        states = node.get_state_set()
        return states.contains(Atspi.StateType.SHOWING) or states.contains(Atspi.StateType.VISIBLE)
    except GLib.GError:
        return False


def count_complaints():
    try:
        with sqlite3.connect("file:%s?mode=ro" % store, uri=True) as db:
            return db.execute("SELECT count(*) FROM complaints").fetchone()[0]
    except sqlite3.Error as e:
        return "unreadable: %s" % e


def main_menu_item(app, window, label):
    menu = find(window, lambda n: n.get_role() in (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON)
                and n.get_name() == "Main Menu")
    if menu is None:
        return "no 'Main Menu' button"
    press(menu)
    item = wait_for(lambda: find(app, lambda n: (n.get_name() or "").replace("_", "") == label
                                 and n.get_role() != Atspi.Role.LABEL), 5)
    if item is None:
        return "no '%s' in the main menu; see %s, %s" % (label, dump(app, "menu"), snap("menu"))
    press(item)
    return None


def main():
    app = wait_for(lambda: application(lambda a: window_named(a, "Goodwill") is not None), 40)
    window = app and window_named(app, "Goodwill")
    shot = os.path.join(out, "window.png")
    drawn = False
    detail = "the window did not show up on the accessibility bus"
    if window is not None:
        wait_for(lambda: find(window, named(Atspi.Role.PUSH_BUTTON, "New complaint")), 20)
        time.sleep(1)
        xid = x_window("Goodwill")
        if xid:
            subprocess.run(["import", "-window", xid, shot], check=False)
        if os.path.exists(shot):
            colours = subprocess.run(["identify", "-format", "%k %wx%h", shot],
                                     capture_output=True, text=True).stdout.split()
            drawn = bool(colours) and int(colours[0]) > 50
            detail = "%s colours, %s, kept as %s" % (colours[0], colours[1], shot) if colours else shot
        else:
            detail = "no screenshot could be taken"
    result(drawn, "the window is drawn (screenshot kept)", detail)
    if window is None:
        for name in ("import", "export", "Save as PDF", "background"):
            result(False, "%s: the window is not there" % name)
        return

    # Import: the file is in the host's home, which the sandbox cannot see;
    # it comes in through the document portal.
    csv = os.path.join(home, "Documents", "from-the-till.csv")
    os.makedirs(os.path.dirname(csv), exist_ok=True)
    with open(csv, "w", encoding="utf-8") as f:
        f.write("received_at,description,customer_name\n"
                "2026-11-02 10:15,The kettle leaked on the first day,Flatpak Import Test\n")
    before = count_complaints()
    problem = main_menu_item(app, window, "Import from a Spreadsheet…")
    dialog = None
    if problem is None:
        dialog = portal_window("Import Complaints")
        if dialog is None:
            problem = "the file chooser portal showed no 'Import Complaints' dialog"
    if problem is None:
        problem = type_into_chooser(dialog, "Import Complaints", csv, "Open")
    if problem is None:
        import_dialog = wait_for(lambda: find(app, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and
                                              (n.get_name() or "").replace("_", "").endswith("Import")
                                              and n.get_state_set().contains(Atspi.StateType.SENSITIVE)), 15)
        if import_dialog is None:
            problem = "the app did not open the chosen file (no Import button); see %s, %s" % (
                dump(app, "import"), snap("import"))
        else:
            press(import_dialog)
            wait_for(lambda: count_complaints() != before, 10)
    after = count_complaints()
    # The import dialog's own Close, not the main window's.
    finished = window_named(app, "Import Complaints")
    close = finished and find(finished, named(Atspi.Role.PUSH_BUTTON, "Close", exact=False))
    if close:
        press(close)
    if wait_for(lambda: window_named(app, "Import Complaints") is not None, 1):
        subprocess.run(["xdotool", "key", "Escape"], check=False)
    wait_for(lambda: window_named(app, "Import Complaints") is None, 3)
    ok = problem is None and isinstance(before, int) and after == before + 1
    result(ok, "import through the file chooser and document portals",
           problem or "complaints: %s before, %s after" % (before, after))

    # Export: the chosen place is outside the sandbox too.
    exported = os.path.join(home, "Documents", "exported.csv")
    problem = main_menu_item(app, window, "Export Complaints…")
    if problem is None:
        # Goodwill asks first who the file is for.
        question = wait_for(lambda: window_named(app, "Who Is the File For?") or
                            find(app, named(Atspi.Role.PUSH_BUTTON, "For a Spreadsheet", exact=False)), 10)
        answer = question and find(app, named(Atspi.Role.PUSH_BUTTON, "For a Spreadsheet", exact=False))
        if answer is None:
            problem = "no 'For a Spreadsheet' answer to export's question; see %s, %s" % (
                dump(app, "export"), snap("export"))
        else:
            press(answer)
    if problem is None:
        dialog = portal_window("Export Complaints")
        problem = "no 'Export Complaints' dialog" if dialog is None else \
            type_into_chooser(dialog, "Export Complaints", exported, "Save")
    if problem is None:
        wait_for(lambda: os.path.exists(exported) and "Flatpak Import Test" in open(exported).read(), 15)
    ok = problem is None and os.path.exists(exported) and "Flatpak Import Test" in open(exported).read()
    # For a spreadsheet: a byte-order mark, then the columns as people call them.
    if ok and not open(exported, "rb").read().startswith(b"\xef\xbb\xbfWhen received,"):
        ok, problem = False, "%s does not start as a spreadsheet's file does" % exported
    result(ok, "export for a spreadsheet through the file chooser and document portals",
           problem or "%s: %s" % (exported, "written" if ok else "missing or without the import"))

    save_as_pdf(app, window)
    remind_when_closed(app, window)


def snap(name):
    """The whole screen, kept for when something is not where it should be."""
    path = os.path.join(out, name + "-screen.png")
    subprocess.run(["import", "-window", "root", path], check=False)
    return path


def dump(root, name):
    """The accessible tree under root, kept beside the screenshot for when a
    name is not found."""
    path = os.path.join(out, name + "-tree.txt")
    with open(path, "w", encoding="utf-8") as f:
        for node in walk(root):
            try:
                depth, parent = 0, node.get_parent()
                while parent is not None and depth < 60:
                    depth, parent = depth + 1, parent.get_parent()
                f.write("%s%s '%s'\n" % ("  " * depth, node.get_role_name(), node.get_name()))
            except GLib.GError:
                continue
    return path


def pdfs_in(folder):
    found = set()
    for top, _dirs, files in os.walk(folder):
        if "/.var/" in top + "/":
            continue
        found.update(os.path.join(top, f) for f in files if f.endswith(".pdf"))
    return found


def save_as_pdf(app, window):
    """Vision & Goals, Edit the Policy, then Ctrl+P: the print portal's dialog
    (xdg-desktop-portal-gtk's), "Print to File", Print. The PDF appears in
    the host's home, which the sandbox cannot see."""
    name = "Save as PDF through the print portal"
    before = pdfs_in(home)
    tab = wait_for(lambda: find(window, lambda n: n.get_role() in (
        Atspi.Role.TOGGLE_BUTTON, Atspi.Role.RADIO_BUTTON, Atspi.Role.PUSH_BUTTON, Atspi.Role.PAGE_TAB)
        and (n.get_name() or "").replace("_", "") == "Vision & Goals"), 5)
    if tab is None:
        result(False, name, "no 'Vision & Goals' tab; see " + dump(window, "window"))
        return
    press(tab)
    row = wait_for(lambda: find(window, lambda n: n.get_role() == Atspi.Role.LIST_ITEM and
                                (n.get_name() or "").replace("_", "") == "Edit the Policy"), 10)
    if row is None:
        result(False, name, "no 'Edit the Policy' row; see " + dump(window, "window"))
        return
    action = row.get_action_iface()
    if action is not None and action.get_n_actions() > 0:
        action.do_action(0)
    else:
        # The row is below the fold and has no action: its mnemonic.
        main_xid = x_window("Goodwill")
        if main_xid:
            subprocess.run(["xdotool", "windowfocus", "--sync", main_xid], check=False)
        subprocess.run(["xdotool", "key", "alt+p"], check=False)
    policy = wait_for(lambda: window_named(app, "Customer Service Policy"), 10)
    if policy is None:
        result(False, name, "the policy window did not open")
        return
    xid = x_window("Customer Service Policy")
    if xid:
        subprocess.run(["xdotool", "windowactivate", "--sync", xid], check=False)
        subprocess.run(["xdotool", "windowfocus", "--sync", xid], check=False)
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "ctrl+p"], check=False)

    def print_dialog():
        backend = application(lambda a: "portal" in (a.get_name() or ""))
        if backend is None:
            return None
        for i in range(backend.get_child_count()):
            dialog = backend.get_child_at_index(i)
            if dialog is not None and find(dialog, lambda n: n.get_name() == "Print to File"):
                return dialog
        return None
    dialog = wait_for(print_dialog, 20)
    if dialog is None:
        backend = application(lambda a: "portal" in (a.get_name() or ""))
        result(False, name, "the print portal showed no dialog with 'Print to File'" +
               ("; see " + dump(backend, "print-portal") if backend else ""))
        return
    # A click on the printer's row, as a person chooses it: selecting it
    # through AT-SPI leaves the dialog without a chosen printer.
    cell = find(dialog, lambda n: n.get_name() == "Print to File")
    extents = cell.get_extents(Atspi.CoordType.SCREEN)
    subprocess.run(["xdotool", "mousemove", str(extents.x + extents.width // 2),
                    str(extents.y + extents.height // 2), "click", "1"], check=False)
    time.sleep(0.5)
    button = wait_for(lambda: find(dialog, named(Atspi.Role.PUSH_BUTTON, "Print", exact=False)), 5)
    if button is None:
        result(False, name, "no 'Print' button; see " + dump(dialog, "print-dialog"))
        return
    press(button)
    made = wait_for(lambda: pdfs_in(home) - before, 20)
    if not made:
        result(False, name, "no new PDF in the host's home; see %s and the portal's messages in %s"
               % (dump(dialog, "print-dialog"), os.path.join(out, "session.log")))
        return
    pdf = sorted(made)[0]
    time.sleep(1)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    pages = [line for line in info.stdout.splitlines() if line.startswith("Pages:")]
    # Into Documents, named after the document rather than "output.pdf",
    # with the policy's heading and its sections.
    problems = []
    if info.returncode != 0:
        problems.append("not a PDF: " + info.stderr.strip())
    if pdf != os.path.join(home, "Documents", "Customer service policy.pdf"):
        problems.append("not ~/Documents/Customer service policy.pdf")
    if "Customer service policy" not in text or "Complaints" not in text:
        problems.append("without the policy's heading and sections")
    result(not problems, name, "%s: %s%s" % (pdf, " ".join(pages[0].split()) if pages else "",
                                             "; " + ", ".join(problems) if problems else ""))
    # Escape closes the policy window, as a person would; the next check
    # starts from the main window.
    if xid:
        subprocess.run(["xdotool", "windowfocus", "--sync", xid], check=False)
    subprocess.run(["xdotool", "key", "Escape"], check=False)
    wait_for(lambda: window_named(app, "Customer Service Policy") is None, 5)


def background_portal_offered():
    """Whether xdg-desktop-portal offers org.freedesktop.portal.Background:
    it does only when a backend implements it."""
    found = subprocess.run(["gdbus", "introspect", "--session", "--dest", "org.freedesktop.portal.Desktop",
                            "--object-path", "/org/freedesktop/portal/desktop"],
                           capture_output=True, text=True).stdout
    return "org.freedesktop.portal.Background" in found


def remind_when_closed(app, window):
    """Preferences, Reminders, "Remind me when Goodwill is closed": through
    the Background portal where it is offered, else the app's fallback, an
    autostart entry in its own config folder."""
    name = "Remind me when Goodwill is closed"
    autostart = os.path.join(home, ".var/app", app_id, "config/autostart", app_id + ".desktop")
    problem = main_menu_item(app, window, "Preferences")
    prefs = None if problem else wait_for(lambda: window_named(app, "Preferences"), 10)
    if problem is None and prefs is None:
        problem = "no Preferences window"
    if problem is None:
        page = wait_for(lambda: find(prefs, lambda n: (n.get_name() or "").replace("_", "") == "Reminders"
                                     and n.get_role() != Atspi.Role.LABEL), 5)
        if page is None:
            problem = "no 'Reminders' page; see " + dump(prefs, "preferences")
        else:
            press(page)
    switch = None
    if problem is None:
        def find_switch():
            row = find(prefs, lambda n: (n.get_name() or "").replace("_", "").startswith(
                "Remind me when Goodwill is closed") and n.get_role() != Atspi.Role.LABEL)
            if row is None:
                return None
            if row.get_role() in (Atspi.Role.TOGGLE_BUTTON, SWITCH, Atspi.Role.CHECK_BOX):
                return row
            return find(row, lambda n: n.get_role() in (Atspi.Role.TOGGLE_BUTTON, SWITCH,
                                                       Atspi.Role.CHECK_BOX)) or row
        switch = wait_for(find_switch, 5)
        if switch is None:
            problem = "no 'Remind me when Goodwill is closed' switch; see " + dump(prefs, "preferences")
    offered = background_portal_offered()
    if problem is None:
        press(switch)
        # A backend that asks shows a dialog; GNOME's answers on its own.
        allow = wait_for(lambda: find(application(lambda a: "portal" in (a.get_name() or "")) or app,
                                      named(Atspi.Role.PUSH_BUTTON, "Allow")), 3)
        if allow is not None:
            press(allow)
        wait_for(lambda: os.path.exists(autostart), 5)
        calls = open(os.path.join(out, "notifications.log"), encoding="utf-8", errors="replace").read()
        requested = "member=RequestBackground" in calls
        fallback = os.path.exists(autostart) and "--background" in open(autostart, encoding="utf-8").read()
        if requested and not fallback:
            result(True, name + " through the Background portal", "RequestBackground answered")
        elif fallback:
            why = ("the Background portal was asked (RequestBackground) and refused: "
                   "xdg-desktop-portal-gtk has no Background backend" if requested else
                   "no Background portal is offered here%s" % ("" if not offered else " (yet it is listed)"))
            result(True, name + ": %s, so the app's fallback, an autostart entry in "
                   "~/.var/app/%s/config/autostart/, was written" % (why, app_id),
                   "%s. A desktop session outside the sandbox does not read that folder: "
                   "the Background portal's own autostart is not tested here." % autostart)
        else:
            result(False, name, "RequestBackground %s, and no autostart entry at %s" % (
                "seen" if requested else "not seen", autostart))
    else:
        result(False, name, problem)


failures = 0
_result = result


def result(ok, name, detail=""):  # noqa: F811
    global failures
    failures += 0 if ok or "# TODO" in name else 1
    _result(ok, name, detail)


try:
    main()
except Exception as e:  # a check that crashed fails, and so do those after it
    import traceback
    traceback.print_exc()
    while number < first + 5:
        result(False, "(not run: the check before it crashed: %s)" % e)
sys.exit(1 if failures else 0)
