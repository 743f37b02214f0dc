package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.serve.WorkspaceServer;
import org.escalon.model.Protocol;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineFormat;
import org.escalon.simulate.TimelineRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code escalon serve}'s workspace in the system's headless Chromium, driven by Selenium as a
 * policy officer would use it: typing, reading squiggles and suggestions, accepting a fix, and
 * playing Kent's escalation. Screenshots go to {@code target/screenshots}. Skipped, saying so,
 * where Chromium or its driver is not installed ({@code .ci/run} installs both).
 */
class WorkspaceBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target/screenshots");

  @TempDir static Path folder;
  private static WorkspaceServer server;
  private static String kent;
  private WebDriver browser;

  @BeforeAll
  static void startServer() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      System.out.println("WorkspaceBrowserTest skipped: /usr/bin/chromium or /usr/bin/chromedriver "
          + "is not installed (apt-get install chromium chromium-driver; .ci/run does)");
    }
    assumeTrue(present, "chromium and chromium-driver are not installed");
    kent = Files.readString(Path.of("../protocols/kent-iro.esc"));
    Files.copy(Path.of("../protocols/kent-iro.esc"), folder.resolve("kent-iro.esc"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(SHOTS);
    server = new WorkspaceServer(folder, "kent-iro.esc", "127.0.0.1", 0);
    server.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1400,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.get("http://127.0.0.1:" + server.port() + "/");
    waitFor(d -> text().contains("protocol \"Kent"));
    waitFor(d -> !d.findElement(By.id("problems")).getText().isEmpty());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      List<String> errors = new ArrayList<>();
      for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
        if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
          errors.add(e.getMessage());
        }
      }
      browser.quit();
      assertEquals(List.of(), errors, "console errors");
    }
  }

  private String text() {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "return window.escalonEditor ? window.escalonEditor.getValue() : ''");
  }

  private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      String shown = browser.findElement(By.tagName("body")).getText();
      try {
        shoot("timed-out");
      } catch (IOException ignored) {
        // the page's text below says what was shown
      }
      throw new AssertionError("timed out; the page showed:\n" + shown, e);
    }
  }

  private void shoot(String name) throws IOException {
    Files.write(SHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** Selects the first {@code word} after {@code after} in the editor, as a double click would. */
  private void select(String after, String word) {
    String t = text();
    int at = t.indexOf(word, t.indexOf(after));
    ((JavascriptExecutor) browser).executeScript("var cm = window.escalonEditor;"
        + "cm.setSelection(cm.posFromIndex(arguments[0]), cm.posFromIndex(arguments[1]));"
        + "cm.scrollIntoView(cm.posFromIndex(arguments[0]), 200); cm.focus();",
        at, at + word.length());
  }

  private void type(String keys) {
    browser.findElement(By.cssSelector(".CodeMirror textarea")).sendKeys(keys);
  }

  private String problems() {
    return browser.findElement(By.id("problems")).getText();
  }

  @Test
  void aMisspeltRoleIsSquiggledAndItsSuggestionAccepted() throws IOException {
    select("stage 2 \"", "TeamManager");
    type("TeamManagr");
    waitFor(d -> !d.findElements(By.cssSelector(".CodeMirror-lint-mark-error")).isEmpty());
    waitFor(d -> problems().contains("did you mean `TeamManager`?"));
    WebElement squiggle = browser.findElement(By.cssSelector(".CodeMirror-lint-mark-error"));
    assertEquals("TeamManagr", squiggle.getText());
    // hovering it gives the message, the help and the code's explanation
    new Actions(browser).moveToElement(squiggle).perform();
    WebElement hover = browser.findElement(By.id("hover"));
    waitFor(d -> hover.isDisplayed() && hover.getText().contains("did you mean `TeamManager`?"));
    assertTrue(hover.getText().contains("E0201"), hover.getText());
    shoot("workspace-misspelt-role");
    browser.findElement(By.xpath("//button[@class='fix' and contains(., 'TeamManager')]")).click();
    waitFor(d -> d.findElements(By.cssSelector(".CodeMirror-lint-mark-error")).isEmpty());
    assertEquals(kent, text());
    waitFor(d -> !problems().contains("E02"));
  }

  @Test
  void rolesAreCompletedAfterTo() {
    select("stage 2 \"", "TeamManager");
    type("Tea");
    waitFor(d -> !d.findElements(By.cssSelector(".CodeMirror-hints li")).isEmpty());
    List<String> offered = browser.findElements(By.cssSelector(".CodeMirror-hints li")).stream()
        .map(WebElement::getText).toList();
    assertEquals(1, offered.size(), offered.toString());
    assertTrue(offered.get(0).startsWith("TeamManager"), offered.toString());
    type(org.openqa.selenium.Keys.ENTER.toString());
    waitFor(d -> text().equals(kent));
  }

  @Test
  void daysWithoutAUnitIsE0301WithBothReadingsOffered() throws IOException {
    select("respond within 5 working days", "5 working days");
    type("5 days");
    waitFor(d -> problems().contains("E0301"));
    assertTrue(problems().contains("write `5 working days` or `5 calendar days`"), problems());
    assertEquals(2, browser.findElements(By.cssSelector("#problems button.fix")).size());
    shoot("workspace-e0301");
  }

  @Test
  void playingKentGivesTheSimulatorsStagesAndDeadlines() throws IOException {
    ((JavascriptExecutor) browser).executeScript("var s = document.getElementById('start');"
        + "s.value = '2026-12-14'; s.dispatchEvent(new Event('change'));");
    browser.findElement(By.cssSelector("nav button[data-tab='play']")).click();
    WebElement stage = browser.findElement(By.id("play-stage"));
    browser.findElement(By.id("play-raise")).click();
    waitFor(d -> stage.getText().equals("stage informal"));
    browser.findElement(By.id("play-pass")).click();
    waitFor(d -> stage.getText().equals("stage 1"));
    browser.findElement(By.id("play-pass")).click();
    waitFor(d -> stage.getText().equals("stage 2"));
    // bypassing is the IRO's judgement that the issue is more serious or urgent (Kent row 40)
    browser.findElement(By.id("decide-name")).sendKeys("serious");
    browser.findElement(By.id("play-decide")).click();
    waitFor(d -> d.findElement(By.id("play-log")).getText().contains("IRO decided serious"));
    new Select(browser.findElement(By.id("bypass-target"))).selectByValue("5");
    browser.findElement(By.id("bypass-reason")).sendKeys("the child's placement is at risk");
    browser.findElement(By.id("play-bypass")).click();
    waitFor(d -> stage.getText().equals("stage 5"));
    shoot("workspace-play");

    String scenario = browser.findElement(By.id("play-scenario")).getText();
    Protocol protocol = new EscalonCompiler().compile(SourceText.of("kent-iro.esc", kent))
        .protocol().orElseThrow();
    Timeline simulated;
    try {
      simulated = new Simulator(protocol).run(ScenarioParser.parse(scenario, "played.scenario"),
          LocalDate.of(2026, 12, 14));
    } catch (org.escalon.simulate.ScenarioException e) {
      throw new AssertionError("the saved scenario does not parse: " + scenario, e);
    }
    List<String> entered = simulated.stagesEntered();
    assertEquals(List.of("informal", "1", "2", "5"), entered.subList(0, 4));
    // the play log, row by row, is the simulator's timeline up to the played clock
    List<WebElement> rows = browser.findElements(By.cssSelector("#play-log tr"));
    List<String> played = new ArrayList<>();
    for (WebElement row : rows.subList(1, rows.size())) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      played.add(cells.get(2).getText() + " | " + cells.get(3).getText());
    }
    List<String> expected = simulated.rows().stream().limit(played.size())
        .map((TimelineRow r) -> r.stage() + " | " + r.what()).toList();
    assertEquals(expected, played);
    String deadline = browser.findElement(By.id("play-deadline")).getText();
    String stage5 = TimelineFormat.TABLE.render(simulated).lines()
        .filter(l -> l.contains("escalated to Stage 5")).findFirst().orElseThrow();
    assertTrue(stage5.endsWith(deadline), stage5 + " / " + deadline);
  }

  @Test
  void theLadderTimelineAndFindingsAreShownBesideTheEditor() throws IOException {
    waitFor(d -> !d.findElements(By.cssSelector("#ladder svg")).isEmpty());
    shoot("workspace-ladder");
    browser.findElement(By.cssSelector("nav button[data-tab='timeline']")).click();
    waitFor(d -> d.findElements(By.cssSelector("#timeline tr")).size() > 5);
    shoot("workspace-timeline");
    browser.findElement(By.cssSelector("nav button[data-tab='findings']")).click();
    waitFor(d -> d.findElement(By.id("findings")).getText().contains("states"));
    shoot("workspace-findings");
  }
}
