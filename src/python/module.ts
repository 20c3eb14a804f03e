/**
 * What one Python module says about its own names, as far as the migration and the lint
 * follow them: where a name is bound and used (by scope: module, function, class body),
 * the dict a name holds, class members, `__all__`, imports, and the static text of a
 * string expression (literals, f-strings, `+`, constants).
 */
import type { PyNode } from './parser';

const FUNCTION_SCOPES = new Set(['function_definition', 'lambda']);
const SCOPES = new Set(['module', 'function_definition', 'lambda', 'class_definition']);

export interface StaticText {
  readonly text: string;
  /** False when a part could not be resolved (then `text` is the known prefix). */
  readonly complete: boolean;
}

export class PythonModule {
  private stringNodes: PyNode[] | undefined;
  private exported: Set<string> | undefined;

  constructor(
    readonly root: PyNode,
    readonly source: string,
  ) {}

  /** Every string literal of the module, in source order. */
  strings(): PyNode[] {
    this.stringNodes ??= this.root.descendantsOfType('string').filter((node): node is PyNode => node !== null);
    return this.stringNodes;
  }

  /** `from <module> import <name>` (or `… as <name>`) somewhere in the module. */
  importsFrom(moduleName: string, name: string): boolean {
    for (const statement of this.root.descendantsOfType('import_from_statement')) {
      if (statement?.childForFieldName('module_name')?.text !== moduleName) continue;
      for (const imported of statement.childrenForFieldName('name')) {
        const alias = imported?.type === 'aliased_import' ? imported.childForFieldName('alias')?.text : imported?.text;
        if (alias === name) return true;
      }
    }
    return false;
  }

  /** Names listed in `__all__ = [...]`. */
  exportedNames(): Set<string> {
    if (!this.exported) {
      this.exported = new Set();
      for (const assignment of this.root.descendantsOfType('assignment')) {
        if (assignment?.childForFieldName('left')?.text !== '__all__') continue;
        for (const item of assignment.childForFieldName('right')?.namedChildren ?? []) {
          const value = item ? stringValue(item) : undefined;
          if (value) this.exported.add(value);
        }
      }
    }
    return this.exported;
  }

  /** How many times the name of this binding identifier is bound in its scope (assignments, parameters, loops, imports…). */
  assignmentsOf(name: PyNode): number {
    return this.bindingsIn(scopeOf(name), name.text).length;
  }

  /** The reads of a name bound at `name`, in its scope and in nested functions that do not rebind it. */
  usesOfName(name: PyNode): PyNode[] {
    const uses: PyNode[] = [];
    const scope = scopeOf(name);
    const visit = (node: PyNode): void => {
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'identifier' && child.text === name.text && !isBindingPosition(child) && !isNameOfSomethingElse(child)) uses.push(child);
        if (SCOPES.has(child.type) && child.type !== 'class_definition' && this.bindingsIn(child, name.text).length > 0) continue;
        visit(child);
      }
    };
    visit(scope);
    return uses;
  }

  /** The dict literal a name is assigned exactly once in its scope, if that is what it holds. */
  dictAssignedTo(use: PyNode): PyNode | undefined {
    const scope = scopeOf(use);
    const bindings = this.bindingsIn(scope, use.text);
    if (bindings.length !== 1) return undefined;
    const assignment = bindings[0].parent;
    const right = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : undefined;
    return right?.type === 'dictionary' ? right : undefined;
  }

  /** `name[…] = …` statements in the scope of a name. */
  subscriptAssignments(use: PyNode): PyNode[] {
    const found: PyNode[] = [];
    for (const assignment of scopeOf(use).descendantsOfType('assignment')) {
      const left = assignment?.childForFieldName('left');
      if (left?.type === 'subscript' && left.childForFieldName('value')?.text === use.text) found.push(assignment!);
    }
    return found;
  }

  /**
   * The expressions through which a dict value leaves: the dict itself, and, when it is
   * assigned to a name bound once, the reads of that name.
   */
  valueUses(dict: PyNode): PyNode[] {
    let value = dict;
    while (value.parent?.type === 'parenthesized_expression') value = value.parent;
    const assignment = value.parent;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== value.id) return [value];
    const left = assignment.childForFieldName('left');
    if (left?.type !== 'identifier' || this.assignmentsOf(left) !== 1) return [value];
    return this.usesOfName(left);
  }

  /** A member of a class: how often it is assigned (class body, `self.`/`cls.`/`<Class>.`) and where it is read. */
  classMember(klass: PyNode, field: string, _definition: PyNode): { assignments: number; uses: PyNode[] } {
    const className = klass.childForFieldName('name')?.text ?? '';
    const owners = new Set(['self', 'cls', className]);
    let assignments = 0;
    const body = klass.childForFieldName('body');
    for (const statement of body?.namedChildren ?? []) {
      const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === field) assignments += 1;
    }
    const uses: PyNode[] = [];
    for (const attribute of this.root.descendantsOfType('attribute')) {
      if (!attribute || attribute.childForFieldName('attribute')?.text !== field) continue;
      const owner = attribute.childForFieldName('object');
      if (owner?.type !== 'identifier' || !owners.has(owner.text)) continue;
      // `self.`/`cls.` only mean this class inside it.
      if (owner.text !== className && !isInside(attribute, klass)) continue;
      const parent = attribute.parent;
      const assigned = (parent?.type === 'assignment' || parent?.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === attribute.id;
      if (assigned) assignments += 1;
      else uses.push(attribute);
    }
    return { assignments, uses };
  }

  /** The text of a string expression, resolving f-string parts, `+` and module constants; undefined when nothing is known. */
  staticText(node: PyNode, depth = 0): StaticText | undefined {
    if (depth > 8) return undefined;
    switch (node.type) {
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((child) => child?.type !== 'comment');
        return inner ? this.staticText(inner, depth + 1) : undefined;
      }
      case 'string': {
        let text = '';
        for (const part of node.children) {
          if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
          if (part.type === 'interpolation') {
            const expression = part.childForFieldName('expression');
            const resolved = expression ? this.staticText(expression, depth + 1) : undefined;
            if (!resolved) return { text, complete: false };
            text += resolved.text;
            if (!resolved.complete) return { text, complete: false };
          } else {
            text += part.text;
          }
        }
        return { text, complete: true };
      }
      case 'concatenated_string':
      case 'binary_operator': {
        if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text !== '+') return undefined;
        const parts = node.type === 'binary_operator' ? [node.childForFieldName('left'), node.childForFieldName('right')] : node.namedChildren;
        let text = '';
        for (const part of parts) {
          const resolved = part ? this.staticText(part, depth + 1) : undefined;
          if (!resolved) return text ? { text, complete: false } : undefined;
          text += resolved.text;
          if (!resolved.complete) return { text, complete: false };
        }
        return { text, complete: true };
      }
      case 'identifier': {
        const binding = this.constantBinding(node);
        return binding ? this.staticText(binding, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** What a name, or `self.<field>` inside a class, is assigned (once); undefined when that is not certain. */
  valueOf(node: PyNode): PyNode | undefined {
    if (node.type === 'identifier') return this.constantBinding(node);
    const field = node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
    let klass = node.parent;
    while (klass && klass.type !== 'class_definition') klass = klass.parent;
    if (!field || !klass || node.childForFieldName('object')?.text !== 'self') return undefined;
    const assigned = klass
      .descendantsOfType('assignment')
      .filter((assignment) => assignment?.childForFieldName('left')?.text === `self.${field}`);
    return assigned.length === 1 ? (assigned[0]!.childForFieldName('right') ?? undefined) : undefined;
  }

  /** The value a name is bound to once, looked up from its scope outwards. */
  private constantBinding(use: PyNode): PyNode | undefined {
    for (let scope: PyNode | undefined = scopeOf(use); scope; scope = scope.parent ? scopeOf(scope) : undefined) {
      const bindings = this.bindingsIn(scope, use.text);
      if (bindings.length > 1) return undefined;
      if (bindings.length === 1) {
        const binding = bindings[0].parent;
        // `with httpx.Client(…) as http:` binds `http` to the call.
        if (binding?.type === 'as_pattern_target') return binding.parent?.namedChildren[0] ?? undefined;
        return binding?.type === 'assignment' ? (binding.childForFieldName('right') ?? undefined) : undefined;
      }
      if (scope.type === 'module') return undefined;
    }
    return undefined;
  }

  /** Identifiers that bind `name` directly in `scope` (not in nested functions or classes). */
  private bindingsIn(scope: PyNode, name: string): PyNode[] {
    const found: PyNode[] = [];
    if (FUNCTION_SCOPES.has(scope.type)) {
      for (const parameter of scope.childForFieldName('parameters')?.namedChildren ?? []) {
        if (parameter && parameterName(parameter) === name) found.push(parameter);
      }
    }
    const visit = (node: PyNode): void => {
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'identifier' && child.text === name && isBindingPosition(child)) found.push(child);
        if (SCOPES.has(child.type)) {
          // The nested scope's own name is bound here; its body is not.
          if (child.childForFieldName('name')?.text === name) found.push(child.childForFieldName('name')!);
          continue;
        }
        visit(child);
      }
    };
    const body = scope.type === 'module' ? scope : scope.childForFieldName('body');
    if (body) visit(body);
    return found;
  }
}

export function scopeOf(node: PyNode): PyNode {
  for (let current = node.parent; current; current = current.parent) {
    if (SCOPES.has(current.type)) {
      // A function's parameters and decorators belong to it; its name to the outer scope.
      if (current.childForFieldName('name')?.id === node.id) continue;
      return current;
    }
  }
  return node;
}

function isInside(node: PyNode, ancestor: PyNode): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.id === ancestor.id) return true;
  return false;
}

/** An identifier that (re)binds its name: assignment targets, loop and `with … as` targets, `import … as`, `global`. */
function isBindingPosition(identifier: PyNode): boolean {
  let node = identifier;
  // Targets may be destructured: `a, b = …`, `[a, b] = …`.
  while (node.parent && ['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression'].includes(node.parent.type)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return parent.childForFieldName('left')?.id === node.id;
    case 'as_pattern_target':
    case 'global_statement':
    case 'nonlocal_statement':
      return true;
    case 'aliased_import':
      return parent.childForFieldName('alias')?.id === node.id;
    case 'dotted_name':
      return parent.parent?.type === 'import_statement' || parent.parent?.type === 'import_from_statement';
    case 'named_expression':
      return parent.childForFieldName('name')?.id === node.id;
    default:
      return false;
  }
}

/** Identifiers that are not reads of a variable: attribute names, keyword names, parameter names. */
function isNameOfSomethingElse(identifier: PyNode): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === 'attribute') return parent.childForFieldName('attribute')?.id === identifier.id;
  if (parent.type === 'keyword_argument') return parent.childForFieldName('name')?.id === identifier.id;
  if (['parameters', 'default_parameter', 'typed_parameter', 'typed_default_parameter', 'lambda_parameters'].includes(parent.type)) {
    return parent.type === 'parameters' || parent.type === 'lambda_parameters' || parent.childForFieldName('name')?.id === identifier.id || parent.namedChildren[0]?.id === identifier.id;
  }
  return ['function_definition', 'class_definition'].includes(parent.type) && parent.childForFieldName('name')?.id === identifier.id;
}

function parameterName(parameter: PyNode): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  if (parameter.type === 'default_parameter' || parameter.type === 'typed_default_parameter') return parameter.childForFieldName('name')?.text;
  if (parameter.type === 'typed_parameter') return parameter.namedChildren[0]?.text;
  if (parameter.type === 'list_splat_pattern' || parameter.type === 'dictionary_splat_pattern') return parameter.namedChildren[0]?.text;
  return undefined;
}

/** The dotted name of a call's callee: `client.chat.completions.create`, `OpenAI().chat.completions.create`. */
export function callName(call: PyNode): string | undefined {
  const callee = call.childForFieldName('function');
  return callee ? dottedName(callee) : undefined;
}

function dottedName(node: PyNode): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute')?.text;
    const head = object ? dottedName(object) : undefined;
    return head !== undefined && attribute ? `${head}.${attribute}` : attribute;
  }
  if (node.type === 'call') {
    const inner = callName(node);
    return inner === undefined ? undefined : `${inner}()`;
  }
  return undefined;
}

/** The `name=` keyword argument of an argument list. */
export function keywordArgument(args: PyNode, name: string): PyNode | undefined {
  return args.namedChildren.find((child): child is PyNode => child?.type === 'keyword_argument' && child.childForFieldName('name')?.text === name);
}

/** The text of a plain string literal (no interpolation); undefined for anything else. */
export function stringValue(node: PyNode): string | undefined {
  if (node.type !== 'string') return undefined;
  let text = '';
  for (const part of node.children) {
    if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
    if (part.type !== 'string_content') return undefined;
    text += part.text;
  }
  return text;
}

/** The key of a dict pair when it is a plain string. */
export function stringKey(pair: PyNode): string | undefined {
  const key = pair.childForFieldName('key');
  return key ? stringValue(key) : undefined;
}
