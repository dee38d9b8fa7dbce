/**
 * An advice card laid out to fit its paper: the whole card is measured in the browser at each allowed type size,
 * largest first; when it does not fit on one sheet even at the smallest, it goes on to more sheets (split between
 * lines, never inside one). Nothing is clipped or dropped. The sheets print one per page at the card's exact size.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { cardBlocks, type CardBlock, type CardContent } from '../../core/cards/card-content.ts';
import { fontSteps, type CardKind, type PrintSize } from '../../core/cards/card-kinds.ts';
import { paginate, type MeasuredBlock } from '../../core/cards/paginate.ts';

export interface CardFit {
  fontPt: number;
  /** Block indices per sheet. */
  pages: number[][];
  /** The largest size this print size allows, for the warning when the card had to be smaller. */
  preferredPt: number;
  /** Set when a single line is too long for the sheet even at the smallest size: the preview must say so. */
  overflow?: boolean;
}

const PX_PER_MM = 96 / 25.4;
const MAX_SHEETS = 6;

function renderBlocks(content: CardContent, blocks: readonly CardBlock[], indices: readonly number[], measuring: boolean): ReactNode[] {
  const out: ReactNode[] = [];
  const mark = (index: number) => (measuring ? { 'data-block': index } : {});
  let i = 0;
  while (i < indices.length) {
    const index = indices[i]!;
    const block = blocks[index]!;
    if (block.section === 'never' || block.section === 'todo' || block.section === 'numbers') {
      const run: number[] = [];
      while (i < indices.length && blocks[indices[i]!]!.section === block.section) run.push(indices[i++]!);
      const first = blocks[run[0]!]!.index;
      if (block.section === 'never') {
        out.push(
          <ul className="card-never" key={`never-${first}`}>
            {run.map((at) => (
              <li key={at} {...mark(at)}>{content.never[blocks[at]!.index]}</li>
            ))}
          </ul>,
        );
      } else if (block.section === 'todo') {
        out.push(
          <ol className="card-todo" start={first + 1} key={`todo-${first}`}>
            {run.map((at) => (
              <li key={at} {...mark(at)}>{content.todo[blocks[at]!.index]}</li>
            ))}
          </ol>,
        );
      } else {
        out.push(
          <dl className="card-numbers" key={`numbers-${first}`}>
            {run.map((at) => {
              const line = content.numbers[blocks[at]!.index]!;
              return (
                <div key={at} {...mark(at)}>
                  <dt>{line.label}</dt>
                  <dd>{line.value}</dd>
                </div>
              );
            })}
          </dl>,
        );
      }
      continue;
    }
    i++;
    if (block.section === 'heading') out.push(<h2 className="card-heading" key="heading" {...mark(index)}>{content.heading}</h2>);
    else if (block.section === 'todo-title') out.push(<h3 className="card-subheading" key="todo-title" {...mark(index)}>Do this</h3>);
    else if (block.section === 'numbers-title') out.push(<h3 className="card-subheading" key="numbers-title" {...mark(index)}>Numbers</h3>);
    else if (block.section === 'safe-word') {
      out.push(
        <p className="card-safe-word" key="safe-word" {...mark(index)}>
          Family safe word: <strong>{content.safeWord}</strong>. Anyone who says they are family must say it. Never say it first.
        </p>,
      );
    } else out.push(<p className="card-footer" key="footer" {...mark(index)}>{content.footer}</p>);
  }
  return out;
}

/** Measures the hidden column at one type size: each block's top and bottom, the usable sheet height, the "continued" line. */
function measure(column: HTMLElement, fontPt: number, blocks: readonly CardBlock[], kind: CardKind) {
  column.style.fontSize = `${fontPt}pt`;
  const style = getComputedStyle(column);
  const capacity = kind.heightMm * PX_PER_MM - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
  const origin = column.getBoundingClientRect().top;
  const measured: MeasuredBlock[] = blocks.map((block, index) => {
    const rect = column.querySelector(`[data-block="${index}"]`)!.getBoundingClientRect();
    return { top: rect.top - origin, bottom: rect.bottom - origin, keepWithNext: block.keepWithNext };
  });
  const continued = column.querySelector('[data-continued]')!.getBoundingClientRect();
  return { measured, capacity, continuedHeight: continued.height + parseFloat(getComputedStyle(column.querySelector('[data-continued]')!).marginBottom) };
}

/**
 * Largest type size that fits on the fewest sheets. `safety` (0..1) is the share of each sheet's height used, so
 * print rounding never pushes a last line over the edge.
 */
function fit(column: HTMLElement, kind: CardKind, printSize: PrintSize, blocks: readonly CardBlock[], safety: number): CardFit {
  const steps = fontSteps(kind, printSize);
  const measures = steps.map((fontPt) => ({ fontPt, ...measure(column, fontPt, blocks, kind) }));
  for (const keepTogether of [true, false]) {
    const tries = measures.map(({ fontPt, measured, capacity, continuedHeight }) => ({
      fontPt,
      pages: paginate(measured, capacity * safety, continuedHeight, keepTogether),
    }));
    for (let sheets = 1; sheets <= MAX_SHEETS; sheets++) {
      const found = tries.find((attempt) => attempt.pages && attempt.pages.length <= sheets);
      if (found) return { fontPt: found.fontPt, pages: found.pages!, preferredPt: steps[0]! };
    }
    // Beyond six sheets (a person with dozens of numbers): the smallest step, however many sheets it takes.
    const last = tries[tries.length - 1]!;
    if (last.pages) return { fontPt: last.fontPt, pages: last.pages, preferredPt: steps[0]! };
  }
  // One line taller than a whole sheet at the smallest size cannot happen with the card's own words; show it all.
  return { fontPt: steps[steps.length - 1]!, pages: [blocks.map((_, index) => index)], preferredPt: steps[0]! };
}

/** A sheet's width on screen in CSS px (96 per inch): sheets are border-box, so this is the whole sheet. */
export function sheetWidthPx(kind: CardKind): number {
  return kind.widthMm * PX_PER_MM;
}

/**
 * The fitted sheets at their paper size. `previewScale` (0–1, default 1) shrinks them on screen only, so a sheet wider
 * than a phone is seen whole; printing ignores it (styles.css), and the fitting measures at full size.
 */
export function CardSheets(props: {
  kind: CardKind;
  content: CardContent;
  printSize: PrintSize;
  personName: string;
  onFit?: (fit: CardFit) => void;
  previewScale?: number;
}) {
  const { kind, content, printSize, personName } = props;
  const blocks = cardBlocks(content);
  const column = useRef<HTMLDivElement>(null);
  const sheets = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<{ key: string; fit: CardFit } | undefined>();
  const safety = useRef(0.98);
  const key = JSON.stringify([kind.id, printSize, content]);
  const onFit = props.onFit;

  const refit = () => {
    const element = column.current;
    // Not laid out (printing, or hidden): keep the last fit rather than measure nothing.
    if (!element || element.offsetParent === null) return;
    const result = fit(element, kind, printSize, blocks, safety.current);
    setLayout({ key, fit: result });
    onFit?.(result);
  };

  useLayoutEffect(() => {
    let cancelled = false;
    safety.current = 0.98;
    refit();
    // Web fonts change line breaks: measure again once they are in.
    void document.fonts?.ready.then(() => {
      if (!cancelled) refit();
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // Check the real sheets: if one still overflows by a rounding hair, fit again using less of each sheet.
  useLayoutEffect(() => {
    if (!layout || layout.key !== key || !sheets.current) return;
    const over = [...sheets.current.querySelectorAll<HTMLElement>('.card-sheet')].some((sheet) => sheet.scrollHeight > sheet.clientHeight + 0.5);
    if (over && safety.current > 0.8) {
      safety.current -= 0.03;
      refit();
    } else if (over && !layout.fit.overflow) {
      const result = { ...layout.fit, overflow: true };
      setLayout({ key, fit: result });
      onFit?.(result);
    }
  });

  const current = layout?.key === key ? layout.fit : undefined;
  const className = `card-sheet card-${kind.id}`;
  const size = { width: `${kind.widthMm}mm`, height: `${kind.heightMm}mm` };
  const total = current?.pages.length ?? 1;
  return (
    <>
      <div className={`${className} card-measure no-print`} style={{ width: `${kind.widthMm}mm` }} ref={column} aria-hidden="true">
        {renderBlocks(content, blocks, blocks.map((_, index) => index), true)}
        <p className="card-continued" data-continued="">
          {personName}: continued, page 2 of 2
        </p>
      </div>
      <div className="card-sheets" ref={sheets} style={props.previewScale && props.previewScale < 1 ? { zoom: props.previewScale } : undefined}>
        {current
          ? current.pages.map((indices, page) => (
              <article
                key={page}
                className={className}
                style={{ ...size, fontSize: `${current.fontPt}pt` }}
                aria-label={total === 1 ? `${kind.title} for ${personName}` : `${kind.title} for ${personName}, page ${page + 1} of ${total}`}
                data-card={kind.id}
                data-font-pt={current.fontPt}
              >
                {page > 0 ? (
                  <p className="card-continued">
                    {personName}: continued, page {page + 1} of {total}
                  </p>
                ) : null}
                {renderBlocks(content, blocks, indices, false)}
              </article>
            ))
          : null}
      </div>
    </>
  );
}
