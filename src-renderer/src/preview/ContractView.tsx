/**
 * A ContractDoc as a readable page: the cover, numbered clauses with their
 * paragraphs, enumerations, definitions and tables, and the signature
 * block. Every word comes from the document (already in its language), so
 * these components translate nothing; they only decide how it looks.
 *
 * Clause components are memoised on the clause object: with the structural
 * sharing of stabilize.ts, a keystroke re-renders only the clauses whose
 * text changed.
 */
import { memo, type CSSProperties, type ReactNode } from 'react';
import {
  clauseNumberText,
  partySignatureLabels,
  type Block,
  type Clause,
  type ContractDoc,
  type CoverBlock,
  type ListStyle,
  type Run,
  type SignatureBlock,
  type Table,
} from '../../../src-shared/contract/doc';
import type { StepId } from '../../../src-shared/model';

/** Text with the user's line breaks kept. */
function withBreaks(text: string): ReactNode {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  return lines.map((line, i) => (
    <span key={i}>
      {line}
      {i < lines.length - 1 && <br />}
    </span>
  ));
}

function RunView({ run }: { run: Run }) {
  let content: ReactNode = withBreaks(run.text);
  if (run.bold) content = <strong>{content}</strong>;
  if (run.italic) content = <em>{content}</em>;
  if (run.blank)
    return (
      <span className="contract-blank" data-path={run.source?.path}>
        {content}
      </span>
    );
  if (run.source)
    return (
      <span className="contract-value" data-path={run.source.path}>
        {content}
      </span>
    );
  if (run.ref) return <span className="contract-ref">{content}</span>;
  return <>{content}</>;
}

export function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((run, i) => (
        <RunView key={i} run={run} />
      ))}
    </>
  );
}

const LIST_CLASSES: Record<ListStyle, string> = {
  alpha: 'contract-list contract-list-alpha',
  roman: 'contract-list contract-list-roman',
  decimal: 'contract-list contract-list-decimal',
  bullet: 'contract-list contract-list-bullet',
};

function TableView({ table }: { table: Table }) {
  const total = table.widths.reduce((sum, width) => sum + width, 0) || 1;
  const cellStyle = (column: number): CSSProperties => ({ textAlign: table.align[column] ?? 'left' });
  return (
    <div className="contract-table-wrap">
      <table className={`contract-table contract-table-${table.tableKind}`}>
        <colgroup>
          {table.widths.map((width, i) => (
            <col key={i} style={{ width: `${((width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          {table.header.map((row, r) => (
            <tr key={r}>
              {row.cells.map((cell, c) => (
                <th key={c} scope="col" style={cellStyle(c)}>
                  <Runs runs={cell.runs} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row.id ?? r}>
              {row.cells.map((cell, c) => (
                <td key={c} style={cellStyle(c)}>
                  <Runs runs={cell.runs} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SignatureView({ block }: { block: SignatureBlock }) {
  const { labels } = block;
  return (
    <div className="contract-signatures">
      {block.parties.map((party) => {
        const own = partySignatureLabels(block, party);
        return (
          <div key={party.role} className="contract-signature">
            <p className="contract-signature-heading">
              <Runs runs={party.heading} />
            </p>
            <dl>
              <dt>{own.signature}</dt>
              <dd className="contract-signature-line" />
              <dt>{labels.name}</dt>
              <dd>{party.signatoryName || <span className="contract-signature-line" />}</dd>
              <dt>{labels.title}</dt>
              <dd>{party.signatoryTitle || <span className="contract-signature-line" />}</dd>
              <dt>{labels.date}</dt>
              <dd className="contract-signature-line" />
              {own.seal !== null && (
                <>
                  <dt>{own.seal}</dt>
                  <dd className="contract-signature-line" />
                </>
              )}
            </dl>
          </div>
        );
      })}
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p className="contract-paragraph">
          <Runs runs={block.runs} />
        </p>
      );
    case 'clause':
      // ClauseView renders its sub-clauses itself, with their depth.
      return null;
    case 'list': {
      const items = block.items.map((runs, i) => (
        <li key={i}>
          <Runs runs={runs} />
        </li>
      ));
      return block.style === 'bullet' ? <ul className={LIST_CLASSES.bullet}>{items}</ul> : <ol className={LIST_CLASSES[block.style]}>{items}</ol>;
    }
    case 'definitions':
      return (
        <div className="contract-definitions">
          {block.items.map((definition) => (
            <p key={definition.id} className="contract-definition">
              <Runs runs={definition.runs} />
            </p>
          ))}
        </div>
      );
    case 'table':
      return <TableView table={block} />;
    case 'signature':
      return <SignatureView block={block} />;
  }
}

const HEADINGS = ['h4', 'h5', 'h6'] as const;

interface ClauseViewProps {
  clause: Clause;
  /** 0 for a top-level clause. */
  depth: number;
  /** The wizard step being edited: its clauses are marked (the outermost one only). */
  activeStep: StepId | null;
  parentActive: boolean;
}

/** One clause and its sub-clauses; re-rendered only when the clause object (or the step) changes. */
export const ClauseView = memo(function ClauseView({ clause, depth, activeStep, parentActive }: ClauseViewProps) {
  const affected = activeStep !== null && clause.steps.includes(activeStep);
  const marked = affected && !parentActive;
  const Heading = HEADINGS[Math.min(depth, HEADINGS.length - 1)]!;
  const number = clauseNumberText(clause.number);
  return (
    <section
      className={`contract-clause contract-clause-depth-${Math.min(depth, 2)}${marked ? ' contract-clause-active' : ''}`}
      data-clause-id={clause.id}
      data-active={marked ? 'true' : undefined}
      data-primary={marked && clause.steps[0] === activeStep ? 'true' : undefined}
    >
      {clause.title !== null && (
        <Heading className="contract-heading">
          {number !== '' && <span className="contract-number">{number}</span>}
          {clause.title}
        </Heading>
      )}
      {clause.title === null && number !== '' && <span className="contract-number contract-number-inline">{number}</span>}
      {clause.blocks.map((block, i) =>
        block.kind === 'clause' ? (
          <ClauseView key={block.clause.id} clause={block.clause} depth={depth + 1} activeStep={activeStep} parentActive={parentActive || affected} />
        ) : (
          <BlockView key={i} block={block} />
        ),
      )}
    </section>
  );
});

export const CoverView = memo(function CoverView({ cover }: { cover: CoverBlock }) {
  return (
    <header className="contract-cover">
      <h3 className="contract-title">{cover.title}</h3>
      {cover.lines.map((line) => (
        <p key={line.id} className={`contract-cover-line contract-cover-${line.style}`}>
          <Runs runs={line.runs} />
        </p>
      ))}
    </header>
  );
});

/** One contract in one language, as a page. */
export function ContractDocView({ doc, activeStep }: { doc: ContractDoc; activeStep: StepId | null }) {
  return (
    <article className="contract-page" lang={doc.meta.language}>
      <CoverView cover={doc.cover} />
      {doc.clauses.map((clause) => (
        <ClauseView key={clause.id} clause={clause} depth={0} activeStep={activeStep} parentActive={false} />
      ))}
    </article>
  );
}

/**
 * English and Chinese side by side, clause by clause, as the bilingual
 * .docx sets them: the two documents of one draft have the same clauses in
 * the same order (doc.ts), so row i holds the same clause in both languages.
 */
export function BilingualDocView({ en, zh, activeStep }: { en: ContractDoc; zh: ContractDoc; activeStep: StepId | null }) {
  return (
    <article className="contract-page contract-page-bilingual">
      <div className="contract-bilingual-row">
        <div lang="en">
          <CoverView cover={en.cover} />
        </div>
        <div lang="zh-CN">
          <CoverView cover={zh.cover} />
        </div>
      </div>
      {en.clauses.map((clause, i) => {
        const other = zh.clauses[i];
        return (
          <div key={clause.id} className="contract-bilingual-row">
            <div lang="en">
              <ClauseView clause={clause} depth={0} activeStep={activeStep} parentActive={false} />
            </div>
            <div lang="zh-CN">{other && <ClauseView clause={other} depth={0} activeStep={activeStep} parentActive={false} />}</div>
          </div>
        );
      })}
    </article>
  );
}
