/** The owner's opt-in to a different upstream account; without it the same-account guard refuses one. */
export function AllowAccountChangeField({ id }: { id: string }) {
  return (
    <label class="row" for={id}>
      <input type="checkbox" id={id} name="allowAccountChange" value="1" />
      Allow a different account (otherwise credentials of another account than the current one are refused)
    </label>
  )
}
