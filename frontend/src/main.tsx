import { render } from "preact";
import { App } from "./app";
import { refreshSession } from "./api/auth";
import { startLanguage } from "./locale";
import "./styles.css";

async function start(): Promise<void> {
  await startLanguage();
  render(<App />, document.getElementById("app")!);
  void refreshSession();
  if ("serviceWorker" in navigator) {
    // Keeps the app and saved passes usable when the signal drops at the school door.
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  }
}

void start();
