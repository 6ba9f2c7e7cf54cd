; The latih-asn installer for Windows, built on Linux by scripts/build-windows.sh with makensis.
;
; Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\latih-asn,
; shortcuts to the user's Start menu and desktop, the uninstaller to "Apps & features".
; Uninstalling removes the program and its shortcuts and keeps the learning records, which
; live elsewhere (%LOCALAPPDATA%\latih-asn\latih-asn\data) and are never touched here.
; For a roll-out: setup.exe /S installs silently, uninstall.exe /S removes silently.
;
; Defines passed by the build script: VERSION (0.1.0), VERSION4 (0.1.0.0), ARCH (x64 or x86),
; STAGE (folder with latih-asn.exe and latih-asn.com), ICON (the .ico), OUTFILE.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\latih-asn"

Name "latih-asn ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\latih-asn"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "latih-asn ${VERSION} (${ARCH})"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "latih-asn"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "latih-asn ${VERSION} installer (${ARCH})"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\latih-asn.exe"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first is used where Windows speaks neither.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString NeedsWindows10 ${LANG_INDONESIAN} "latih-asn memerlukan Windows 10 atau Windows 11."
LangString NeedsWindows10 ${LANG_ENGLISH} "latih-asn needs Windows 10 or Windows 11."
LangString Needs64Bit ${LANG_INDONESIAN} "Windows di PC ini 32-bit. Gunakan penginstal x86 (latih-asn-${VERSION}-windows-x86-setup.exe)."
LangString Needs64Bit ${LANG_ENGLISH} "Windows on this PC is 32-bit. Use the x86 installer (latih-asn-${VERSION}-windows-x86-setup.exe)."
LangString RecordsKept ${LANG_INDONESIAN} "Catatan belajar tetap tersimpan di $LOCALAPPDATA\latih-asn."
LangString RecordsKept ${LANG_ENGLISH} "The learning records are kept in $LOCALAPPDATA\latih-asn."

Function .onInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "$(NeedsWindows10)" /SD IDOK
    Abort
  ${EndIf}
  !if "${ARCH}" == "x64"
    ${IfNot} ${RunningX64}
      MessageBox MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
      Abort
    ${EndIf}
  !endif
FunctionEnd

Section "latih-asn"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}/latih-asn.exe"
  File "${STAGE}/latih-asn.com"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\latih-asn.lnk" "$INSTDIR\latih-asn.exe"
  CreateShortcut "$DESKTOP\latih-asn.lnk" "$INSTDIR\latih-asn.exe"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "latih-asn"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "latih-asn"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\latih-asn.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\latih-asn.exe"
  Delete "$INSTDIR\latih-asn.com"
  Delete "$INSTDIR\uninstall.exe"
  ; Only if empty: a latih-asn-data folder someone made here (portable use) stays.
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\latih-asn.lnk"
  Delete "$DESKTOP\latih-asn.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; The data folder is not the program's: records and the device key stay.
  DetailPrint "$(RecordsKept)"
SectionEnd
