/** The page a parent card's QR code opens (anyone, no account), loaded as its own chunk
 * with the "verify" catalogue. */
import "./verify/verify.css";

export { CardVerifyPage } from "./verify/VerifyPage";
