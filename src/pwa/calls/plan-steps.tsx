/** A call's plan as an ordered list: urgent steps marked "Now", done steps marked done, every number a tap-to-call link. */
import type { NextStep } from '../../core/calls/next-steps.ts';
import { telHref } from '../../core/calls/help-lines.ts';

export function PlanSteps({ steps }: { steps: readonly NextStep[] }) {
  return (
    <ol className="steps">
      {steps.map((step) => (
        <li key={step.id} className={step.done ? 'step done-step' : step.urgent ? 'step urgent-step' : 'step'} data-step={step.id}>
          {step.done ? <strong>Done: </strong> : step.urgent ? <strong>Now: </strong> : null}
          {step.text}
          {!step.done && (step.calls.length > 0 || step.site) ? (
            <span className="step-links">
              {step.calls.map((call) => {
                const href = telHref(call.number);
                const text = call.label === call.number ? `Call ${call.number}` : `Call ${call.label}: ${call.number}`;
                return href ? (
                  <a key={`${call.label}-${call.number}`} className="button call-button" href={href}>
                    {text}
                  </a>
                ) : null;
              })}
              {step.site ? (
                <a className="button secondary" href={step.site.url} target="_blank" rel="noopener noreferrer">
                  {step.site.label}
                </a>
              ) : null}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
