# Builds Netwright's Windows installer (.msi) with jpackage, on Windows x86-64 (see installers/README.md).
#
#   powershell -ExecutionPolicy Bypass -File installers\build-windows.ps1
#
# Needs: JDK 17 (jpackage on the PATH), Maven, and the WiX Toolset 3.x (candle.exe and light.exe on the PATH; JDK 17's
# jpackage drives WiX 3). Maven's win-x86_64 profile, activated by the OS, picks JavaFX's "win" jars and DJL's
# pytorch-native-cpu "win-x86_64" libtorch, so the installed app trains offline.
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$root = Split-Path -Parent $here
$out = Join-Path $here 'target'
$version = '0.1.0'

foreach ($tool in 'jpackage', 'mvn', 'candle', 'light') {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) {
        Write-Error "build-windows: $tool is needed on the PATH (JDK 17 for jpackage, Maven, WiX Toolset 3.x)"
    }
}

if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force -Path "$out\input", "$out\fx", "$out\deps", "$out\config" | Out-Null

# One reactor build: our modules' jars come from their target folders, never from a stale local repository.
Push-Location $root
try {
    & mvn -B -q -DskipTests package dependency:copy-dependencies -pl app -am "-DincludeScope=runtime" "-DoutputDirectory=$out\deps"
    if ($LASTEXITCODE -ne 0) { throw "build-windows: the Maven build failed" }
} finally {
    Pop-Location
}
# JavaFX goes on the module path; only its platform jars ("-win") carry classes.
Get-ChildItem "$out\deps\javafx-*-win.jar" | Move-Item -Destination "$out\fx"
Get-ChildItem "$out\deps\javafx-*.jar" | Remove-Item
Get-ChildItem "$out\deps\*.jar" | Move-Item -Destination "$out\input"
Copy-Item "$root\app\target\netwright-app-$version-SNAPSHOT.jar" "$out\input"
if (-not (Get-ChildItem "$out\input\pytorch-native-cpu-*-win-x86_64.jar" -ErrorAction SilentlyContinue)) {
    throw "build-windows: the Windows libtorch jar is missing; was the win-x86_64 Maven profile active?"
}

# The .nwproj file type, opened by the main launcher (its Main opens a lone .nwproj argument).
@"
extension=nwproj
mime-type=application/x-netwright-project
description=Netwright project
icon=$($here -replace '\\','/')/resources/netwright.ico
"@ | Set-Content -Encoding ASCII "$out\config\nwproj.properties"

# The command line: a second launcher with a console window (the main one has none), same Main class; with the full
# JIT (the window's launcher uses its quick tier only: README "Large graphs").
@"
main-class=org.netwright.app.Main
win-console=true
java-options=-Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1
"@ | Set-Content -Encoding ASCII "$out\config\cli.properties"

$modules = 'javafx.controls,javafx.swing,java.sql,java.logging,java.desktop,java.prefs,java.management,jdk.unsupported'
& jpackage --type msi --name Netwright --app-version $version --vendor Netwright `
    --description 'Build, train and understand neural networks visually' `
    --icon "$here\resources\netwright.ico" `
    --input "$out\input" --main-jar "netwright-app-$version-SNAPSHOT.jar" --main-class org.netwright.app.Main `
    --module-path "$out\fx" --add-modules $modules `
    --jlink-options '--strip-debug --no-man-pages --no-header-files --compress=2' `
    --java-options '-Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 -XX:TieredStopAtLevel=1' `
    --add-launcher "netwright=$out\config\cli.properties" `
    --file-associations "$out\config\nwproj.properties" `
    --win-menu --win-menu-group Netwright --win-shortcut --win-dir-chooser `
    --win-upgrade-uuid 5b0e3f52-8d0c-4a8e-9d0b-6f4b6a1c2e71 `
    --dest "$out\dist"
if ($LASTEXITCODE -ne 0) { throw "build-windows: jpackage failed" }
$msi = Get-ChildItem "$out\dist\*.msi" | Select-Object -First 1
Write-Output ("build-windows: {0} ({1:N0} MB)" -f $msi.FullName, ($msi.Length / 1MB))
