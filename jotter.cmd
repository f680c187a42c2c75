@echo off
rem The jotter command line on Windows, the twin of the bash script ./jotter: builds
rem kernel\target\jotter.jar with the Maven wrapper on first use, then runs it. Needs a JDK 25
rem (JAVA_HOME, else java on PATH). Not run on Windows in CI (README, "Platforms").
rem   jotter.cmd run notebooks\02-linear-regression.ipynb
rem   jotter.cmd install --user
rem After pulling changes, rebuild: mvnw.cmd -pl kernel -am package -DskipTests
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%kernel\target\jotter.jar"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if not exist "%JAR%" (
  echo Building kernel\target\jotter.jar, the first build downloads dependencies and takes a few minutes... 1>&2
  call "%ROOT%mvnw.cmd" -B -q -ntp -f "%ROOT%pom.xml" -pl kernel -am package -DskipTests
  if errorlevel 1 exit /b 1
)
"%JAVA%" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC %JOTTER_JAVA_OPTS% -jar "%JAR%" %*
exit /b %errorlevel%
