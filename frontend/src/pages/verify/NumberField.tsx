/** A parent card's number, typed: the one field the verify page and the door's card section
 * share (the server reads spaces, dashes and lower case, so none of them is refused here). */
import { Field } from "../../components/Form";
import { t, tx } from "../../i18n";

export function CardNumberField({
  name,
  inputClass,
  value,
  onInput,
  error,
}: {
  name: string;
  inputClass: string;
  value: string;
  onInput: (value: string) => void;
  error: unknown;
}) {
  return (
    <Field
      name={name}
      label={t("verify.number")}
      hint={tx("verify.number_hint", { example: <bdi dir="ltr">ACDE 4679</bdi> })}
      error={error}
    >
      {(props) => (
        <input
          {...props}
          class={inputClass}
          type="text"
          dir="ltr"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          maxLength={20}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
