; Inno Setup 6 script: posapp's Windows installer, from the PyInstaller folder.
; packaging/build.py compiles it when ISCC.exe is installed, passing the defines below:
;   ISCC /DAppVersion=0.1.0 /DBundleDir=...\build\pyinstaller\dist\posapp
;        /DOutputDir=...\dist /DOutputName=posapp-0.1.0-windows-x64-setup posapp.iss
; Installs for the current user by default (no administrator needed on a borrowed laptop);
; the Start-menu entries open the stand window and the organizers' window.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\pyinstaller\dist\posapp"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputName
  #define OutputName "posapp-" + AppVersion + "-windows-x64-setup"
#endif

[Setup]
AppId={{8ED524CF-C0BE-4D5C-BA2A-86DB3045B432}
AppName=posapp
AppVersion={#AppVersion}
AppVerName=posapp {#AppVersion}
AppPublisher=posapp
DefaultDirName={autopf}\posapp
DefaultGroupName=posapp
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputName}
SetupIconFile=..\..\resources\icons\posapp.ico
UninstallDisplayIcon={app}\posapp.exe
UninstallDisplayName=posapp
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the whole program folder; the data (stand databases) live elsewhere
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\posapp"; Filename: "{app}\posapp.exe"; Parameters: "run"; Comment: "Stand window (kasir)"
Name: "{group}\posapp organizer"; Filename: "{app}\posapp.exe"; Parameters: "organizer"; Comment: "Organizers' window (panitia)"
Name: "{group}\{cm:UninstallProgram,posapp}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\posapp"; Filename: "{app}\posapp.exe"; Parameters: "run"; Tasks: desktopicon

[Run]
Filename: "{app}\posapp.exe"; Parameters: "run"; Description: "{cm:LaunchProgram,posapp}"; Flags: nowait postinstall skipifsilent
