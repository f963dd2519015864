#!/usr/bin/env python3
"""test-flatpak-manifest.py MANIFEST APP_ID COMMAND SOURCE_ROOT

Checks the Flatpak manifest without flatpak-builder or a runtime: that it is
JSON, names the application meson builds, asks for no more than it needs, and
builds this tree with meson, running the suites that need no display.
(Where flatpak-builder is installed, `flatpak-builder --show-manifest` is the
fuller check.) Prints TAP.
"""

import json
import os
import sys

# What the sandbox gets, and nothing else: files come through the file
# chooser portal, notifications and autostart through their portals, the
# store lives in $XDG_DATA_HOME (~/.var/app/ID/data inside Flatpak).
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
# GTK 4.8 and libadwaita 1.2 came with GNOME 43.
OLDEST_RUNTIME = 43
# Suites that need an X server, a notification server or host tools.
DISPLAY_SUITES = {"ui", "notify", "cli"}

manifest_path, app_id, command, source_root = sys.argv[1:5]
results = []


def check(description, ok, detail=""):
    results.append((description, bool(ok), detail))
    return ok


try:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    print("1..1")
    print(f"not ok 1 - {manifest_path} is valid JSON")
    print(f"# {e}")
    sys.exit(1)
check("the manifest is valid JSON", True)

manifest_id = manifest.get("id", manifest.get("app-id"))
# A development build (-Ddevelopment=true) has the id with .Devel added.
release_id = app_id[: -len(".Devel")] if app_id.endswith(".Devel") else app_id
check("the id is meson's application id", manifest_id == release_id,
      f"manifest: {manifest_id!r}, meson: {release_id!r}")
check("the file is named after the id",
      os.path.basename(manifest_path) == f"{release_id}.json")
check("the command is the installed program", manifest.get("command") == command,
      f"command: {manifest.get('command')!r}")

runtime, sdk = manifest.get("runtime"), manifest.get("sdk")
version = str(manifest.get("runtime-version", ""))
check("the runtime is org.gnome.Platform with org.gnome.Sdk",
      runtime == "org.gnome.Platform" and sdk == "org.gnome.Sdk", f"{runtime}, {sdk}")
check(f"the runtime version ships GTK 4.8 and libadwaita 1.2 (GNOME {OLDEST_RUNTIME} or later)",
      version.isdigit() and int(version) >= OLDEST_RUNTIME, f"runtime-version: {version!r}")

finish_args = manifest.get("finish-args", [])
check("finish-args are exactly ipc, wayland, fallback-x11 and dri",
      set(finish_args) == ALLOWED_FINISH_ARGS and len(finish_args) == len(ALLOWED_FINISH_ARGS),
      f"finish-args: {finish_args}")
check("no file system access (files come through the portal)",
      not any(a.startswith("--filesystem") for a in finish_args))
check("no direct notification server access (libnotify uses the portal)",
      not any("org.freedesktop.Notifications" in a for a in finish_args))

modules = manifest.get("modules", [])
check("there are modules", isinstance(modules, list) and modules and
      all(isinstance(m, dict) for m in modules))
modules = [m for m in modules if isinstance(m, dict)]

# Everything fetched is pinned: an archive by checksum, git by commit or tag.
unpinned = []
for module in modules:
    for source in module.get("sources", []):
        kind = source.get("type")
        if kind in ("archive", "file") and "url" in source and "sha256" not in source:
            unpinned.append(module.get("name"))
        if kind == "git" and not (source.get("commit") or source.get("tag")):
            unpinned.append(module.get("name"))
check("every downloaded source is pinned", not unpinned, f"unpinned: {unpinned}")

portal = next((m for m in modules if m.get("name") == "libportal"), None)
check("libportal is built with its GTK 4 backend",
      portal is not None and "-Dbackend-gtk4=enabled" in portal.get("config-opts", []))

app = modules[-1] if modules else {}
check("the last module is goodwill, built with meson",
      app.get("name") == "goodwill" and app.get("buildsystem") == "meson")
sources = app.get("sources", [])
local = [s for s in sources if s.get("type") == "dir"]
here = os.path.dirname(os.path.abspath(manifest_path))


def is_source_root(path):
    try:
        return os.path.samefile(os.path.join(here, path), source_root)
    except OSError:
        return False


check("it builds the local tree (a dir source at the project root)",
      len(sources) == 1 and len(local) == 1 and is_source_root(local[0].get("path", "")),
      f"sources: {sources}")
check("it is a release build (no -Ddevelopment=true)",
      not any(o.replace(" ", "") in ("-Ddevelopment=true", "--development=true")
              for o in app.get("config-opts", [])))
check("it runs the tests", app.get("run-tests") is True)
test_commands = app.get("test-commands", [])
runs_all = app.get("test-rule", "test") != ""
check("only suites that need no display run in the build sandbox",
      not runs_all and test_commands and
      all("--suite" in c and not any(f"--suite {s}" in c for s in DISPLAY_SUITES)
          for c in test_commands),
      f"test-rule: {app.get('test-rule')!r}, test-commands: {test_commands}")

for n, (description, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {n} - {description}")
    if not ok and detail:
        print(f"# {detail}")
print(f"1..{len(results)}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
