#!/usr/bin/python3
"""test-accessibility.py GOODWILL: every control a person can reach in the
main window, the new complaint form and a complaint's detail has a name a
screen reader can say. Runs the real program and reads it through AT-SPI, as
Orca would. Prints TAP. Run it under headless-run.sh."""

import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON,
    Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON,
    Atspi.Role.COMBO_BOX,
    Atspi.Role.TEXT,
    Atspi.Role.ENTRY,
    Atspi.Role.PASSWORD_TEXT,
    Atspi.Role.SPIN_BUTTON,
    Atspi.Role.SLIDER,
    Atspi.Role.LIST,
    Atspi.Role.TREE_TABLE,
    Atspi.Role.TABLE,
}

results = []


def check(description, ok, details=""):
    results.append((description, ok, details))


def find_app(pid, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_process_id() == pid:
                return app
        time.sleep(0.2)
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    # The window changes while it is read (the rest of the list arriving, a
    # tab built, a form closed): a node gone meanwhile is skipped, as a
    # screen reader would.
    try:
        count = node.get_child_count()
    except gi.repository.GLib.GError:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except gi.repository.GLib.GError:
            continue
        yield from walk(child, depth + 1)


def first(root, predicate):
    """The first node under root for which predicate holds, or None; a node
    that goes away while it is read is skipped."""
    for node in walk(root):
        try:
            if predicate(node):
                return node
        except gi.repository.GLib.GError:
            continue
    return None


def window_named(app, title):
    """The application's window called title, or None."""
    for i in range(app.get_child_count()):
        try:
            window = app.get_child_at_index(i)
            if window is not None and window.get_name() == title:
                return window
        except gi.repository.GLib.GError:
            continue
    return None


def showing(node):
    # GTK 4.8 reports VISIBLE but not SHOWING under Xvfb without a window manager.
    return node.get_state_set().contains(Atspi.StateType.VISIBLE)


def unnamed_controls(app):
    missing = []
    for node in walk(app):
        try:
            role = node.get_role()
            if role in CONTROL_ROLES and showing(node) and not (node.get_name() or "").strip():
                parent = node.get_parent()
                missing.append("%s in %s '%s'" % (node.get_role_name(), parent.get_role_name() if parent else "?",
                                                  (parent.get_name() or "") if parent else ""))
        except gi.repository.GLib.GError:
            continue
    return missing


def find(app, role, name):
    for node in walk(app):
        try:
            if node.get_role() == role and node.get_name() == name and showing(node):
                return node
        except gi.repository.GLib.GError:
            continue
    return None


def wait_for(predicate, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


def main():
    goodwill = sys.argv[1]
    env = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
    env.pop("GTK_A11Y", None)
    with tempfile.TemporaryDirectory() as scratch:
        store = os.path.join(scratch, "store.db")
        subprocess.run([goodwill, "--database", store, "--demo"], env=env, check=True,
                       stderr=subprocess.DEVNULL)
        app_process = subprocess.Popen([goodwill, "--database", store], env=env,
                                       stderr=subprocess.DEVNULL)
        try:
            app = find_app(app_process.pid)
            check("the application shows up on the accessibility bus", app is not None)
            if app is None:
                return
            new_button = wait_for(lambda: find(app, Atspi.Role.PUSH_BUTTON, "New complaint"))
            check("the main window has a 'New complaint' button", new_button is not None)
            missing = unnamed_controls(app)
            check("every control in the main window has a name", not missing, "; ".join(missing))

            search = find(app, Atspi.Role.ENTRY, "Search complaints")
            check("the search field is named", search is not None)

            form = None
            if new_button is not None:
                Atspi.Action.do_action(new_button, 0)
                form = wait_for(lambda: window_named(app, "New Complaint"))
                check("the button opens the New Complaint form", form is not None)
                if form is not None:
                    missing = unnamed_controls(form)
                    check("every control in the form has a name", not missing, "; ".join(missing))
                    # Named once, by its mnemonic label, not twice over.
                    description = find(form, Atspi.Role.TEXT, "Description")
                    check("the description field is named", description is not None)

            # Close the form and go to the Staff tab.
            if new_button is not None and form is not None:
                cancel = first(form, lambda node: node.get_role() == Atspi.Role.PUSH_BUTTON
                               and (node.get_name() or "").endswith("Cancel"))
                if cancel is not None:
                    Atspi.Action.do_action(cancel, 0)
            staff_tab = first(app, lambda node: node.get_name() == "Staff" and node.get_role() in
                              (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON,
                               Atspi.Role.PAGE_TAB, Atspi.Role.RADIO_BUTTON))
            check("the Staff tab can be chosen", staff_tab is not None)
            if staff_tab is not None:
                Atspi.Action.do_action(staff_tab, 0)

            # The Staff tab's dialogs: every tick box carries the person's name.
            # GTK 4.8 names a mnemonic button "Record _Training… Record Training…",
            # hence the match on the end of the name.
            for button_name, title in (("Record Training…", "Record Training"),
                                       ("Raise a Concern…", "Raise a Concern")):
                button = wait_for(lambda: first(app, lambda node:
                                                node.get_role() == Atspi.Role.PUSH_BUTTON
                                                and (node.get_name() or "").endswith(button_name)))
                check("the Staff tab has a '%s' button" % button_name, button is not None)
                if button is None:
                    continue
                Atspi.Action.do_action(button, 0)
                dialog = wait_for(lambda: window_named(app, title))
                check("'%s' opens %s" % (button_name, title), dialog is not None)
                if dialog is not None:
                    missing = unnamed_controls(dialog)
                    check("every control in %s has a name" % title, not missing, "; ".join(missing))
                    cancel = first(dialog, lambda node: node.get_role() == Atspi.Role.PUSH_BUTTON
                                   and (node.get_name() or "").endswith("Cancel"))
                    if cancel is not None:
                        Atspi.Action.do_action(cancel, 0)
                        wait_for(lambda: window_named(app, title) is None)

            # The Vision & Goals tab and its five-step dialog.
            vision_tab = first(app, lambda node: node.get_name() == "Vision & Goals"
                               and node.get_role() in
                               (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON,
                                Atspi.Role.PAGE_TAB, Atspi.Role.RADIO_BUTTON))
            check("the Vision & Goals tab can be chosen", vision_tab is not None)
            if vision_tab is not None:
                Atspi.Action.do_action(vision_tab, 0)
                write = wait_for(lambda: first(app, lambda node:
                                               node.get_role() == Atspi.Role.PUSH_BUTTON
                                               and (node.get_name() or "").endswith(
                                                   "Write a New Version…")))
                check("the Vision & Goals tab has a 'Write a New Version…' button",
                      write is not None)
                missing = unnamed_controls(app)
                check("every control in the Vision & Goals tab has a name", not missing,
                      "; ".join(missing))
                if write is not None:
                    Atspi.Action.do_action(write, 0)
                    dialog = wait_for(lambda: window_named(app, "Your Vision"))
                    check("it opens the vision's five steps", dialog is not None)
                    if dialog is not None:
                        missing = unnamed_controls(dialog)
                        check("every control in the five steps has a name", not missing,
                              "; ".join(missing))
                        answer = find(dialog, Atspi.Role.TEXT, "Success")
                        check("the first step's answer is named after its step", answer is not None)

            # The Assessment tab and the self-test: every rating is named.
            assessment_tab = first(app, lambda node: node.get_name() == "Assessment"
                                   and node.get_role() in
                                   (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON,
                                    Atspi.Role.PAGE_TAB, Atspi.Role.RADIO_BUTTON))
            check("the Assessment tab can be chosen", assessment_tab is not None)
            if assessment_tab is not None:
                Atspi.Action.do_action(assessment_tab, 0)
                take = wait_for(lambda: first(app, lambda node:
                                              node.get_role() == Atspi.Role.PUSH_BUTTON
                                              and (node.get_name() or "").endswith(
                                                  "Take the Self-Test…")))
                check("the Assessment tab has a 'Take the Self-Test…' button", take is not None)
                missing = unnamed_controls(app)
                check("every control in the Assessment tab has a name", not missing,
                      "; ".join(missing))
                if take is not None:
                    Atspi.Action.do_action(take, 0)
                    dialog = wait_for(lambda: window_named(app, "Self-Test"))
                    check("it opens the self-test", dialog is not None)
                    if dialog is not None:
                        missing = unnamed_controls(dialog)
                        check("every control in the self-test has a name", not missing,
                              "; ".join(missing))
                        # GTK 4.8 reports a toggle button as a push button.
                        ratings = [node for node in walk(dialog)
                                   if node.get_role() in (Atspi.Role.TOGGLE_BUTTON,
                                                          Atspi.Role.PUSH_BUTTON)
                                   and node.get_name() == "3, sometimes"]
                        check("each of the 25 statements offers a rating of 3 by name",
                              len(ratings) == 25, "found %d" % len(ratings))
        finally:
            app_process.terminate()
            app_process.wait(timeout=10)


if __name__ == "__main__":
    try:
        main()
    finally:
        for number, (description, ok, details) in enumerate(results, 1):
            print("%s %d - %s" % ("ok" if ok else "not ok", number, description))
            if details:
                print("# " + details)
        print("1..%d" % len(results))
    sys.exit(0 if results and all(ok for _, ok, _ in results) else 1)
