//! A small, safe expression language for derived checks: `money / gpus`,
//! `per_gpu / fact("gpu.rental-rate")`, `max(a, b) * 100`.
//!
//! Numbers, named variables, `+ - * / × ÷ −`, parentheses, and the functions `min`, `max`,
//! `abs` and `fact("id")`. No loops, no I/O, nesting bounded by `MAX_DEPTH`. Parse errors carry
//! the 0-based character column in the formula, so rule-file errors can point at it.

/// How deeply expressions may nest.
pub const MAX_DEPTH: usize = 32;

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Number(f64),
    Variable(String),
    /// The value of a fact, by id.
    Fact(String),
    Negate(Box<Expr>),
    Binary(Operator, Box<Expr>, Box<Expr>),
    Call(Function, Vec<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Subtract,
    Multiply,
    Divide,
}

impl Operator {
    fn symbol(self) -> &'static str {
        match self {
            Operator::Add => "+",
            Operator::Subtract => "−",
            Operator::Multiply => "×",
            Operator::Divide => "÷",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Min,
    Max,
    Abs,
}

/// A parse error at a character column of the formula.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub column: usize,
    pub message: String,
}

/// An evaluation error (an unknown variable, a division by zero).
#[derive(Clone, Debug, PartialEq)]
pub struct EvalError {
    pub message: String,
}

/// Parses a formula.
pub fn parse(formula: &str) -> Result<Expr, ParseError> {
    let chars: Vec<char> = formula.chars().collect();
    let mut parser = Parser {
        chars: &chars,
        at: 0,
        depth: 0,
    };
    let expr = parser.expression()?;
    parser.skip_space();
    if parser.at < chars.len() {
        return Err(parser.error(format!(
            "unexpected `{}`; expected an operator or the end",
            chars[parser.at]
        )));
    }
    Ok(expr)
}

impl Expr {
    /// Evaluates with `variable` for names and `fact` for fact ids.
    pub fn eval(
        &self,
        variable: &dyn Fn(&str) -> Option<f64>,
        fact: &dyn Fn(&str) -> Option<f64>,
    ) -> Result<f64, EvalError> {
        let value = match self {
            Expr::Number(value) => *value,
            Expr::Variable(name) => variable(name).ok_or_else(|| EvalError {
                message: format!("no value for `{name}`"),
            })?,
            Expr::Fact(id) => fact(id).ok_or_else(|| EvalError {
                message: format!("no fact `{id}` with a single value"),
            })?,
            Expr::Negate(inner) => -inner.eval(variable, fact)?,
            Expr::Binary(operator, left, right) => {
                let left = left.eval(variable, fact)?;
                let right = right.eval(variable, fact)?;
                match operator {
                    Operator::Add => left + right,
                    Operator::Subtract => left - right,
                    Operator::Multiply => left * right,
                    Operator::Divide => {
                        if right == 0.0 {
                            return Err(EvalError {
                                message: "division by zero".to_owned(),
                            });
                        }
                        left / right
                    }
                }
            }
            Expr::Call(function, arguments) => {
                let values = arguments
                    .iter()
                    .map(|argument| argument.eval(variable, fact))
                    .collect::<Result<Vec<_>, _>>()?;
                match function {
                    Function::Min => values.iter().copied().fold(f64::INFINITY, f64::min),
                    Function::Max => values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                    Function::Abs => values[0].abs(),
                }
            }
        };
        if value.is_finite() {
            Ok(value)
        } else {
            Err(EvalError {
                message: "the result is not a finite number".to_owned(),
            })
        }
    }

    /// The names of the variables the expression reads.
    pub fn variables(&self, out: &mut Vec<String>) {
        match self {
            Expr::Variable(name) => {
                if !out.contains(name) {
                    out.push(name.clone());
                }
            }
            Expr::Negate(inner) => inner.variables(out),
            Expr::Binary(_, left, right) => {
                left.variables(out);
                right.variables(out);
            }
            Expr::Call(_, arguments) => arguments
                .iter()
                .for_each(|argument| argument.variables(out)),
            Expr::Number(_) | Expr::Fact(_) => {}
        }
    }

    /// The fact ids the expression reads.
    pub fn facts(&self, out: &mut Vec<String>) {
        match self {
            Expr::Fact(id) => out.push(id.clone()),
            Expr::Negate(inner) => inner.facts(out),
            Expr::Binary(_, left, right) => {
                left.facts(out);
                right.facts(out);
            }
            Expr::Call(_, arguments) => arguments.iter().for_each(|argument| argument.facts(out)),
            Expr::Number(_) | Expr::Variable(_) => {}
        }
    }

    /// The formula with each name replaced by `name(value)`, e.g. `5000000 ÷ 2000`.
    pub fn render(&self, show: &dyn Fn(&Expr) -> String) -> String {
        match self {
            Expr::Number(_) | Expr::Variable(_) | Expr::Fact(_) => show(self),
            Expr::Negate(inner) => format!("−{}", inner.render(show)),
            Expr::Binary(operator, left, right) => {
                let wrap = |expr: &Expr| match expr {
                    Expr::Binary(inner, ..) if precedence(*inner) < precedence(*operator) => {
                        format!("({})", expr.render(show))
                    }
                    _ => expr.render(show),
                };
                format!("{} {} {}", wrap(left), operator.symbol(), wrap(right))
            }
            Expr::Call(function, arguments) => {
                let name = match function {
                    Function::Min => "min",
                    Function::Max => "max",
                    Function::Abs => "abs",
                };
                let arguments: Vec<String> = arguments
                    .iter()
                    .map(|argument| argument.render(show))
                    .collect();
                format!("{name}({})", arguments.join(", "))
            }
        }
    }
}

fn precedence(operator: Operator) -> u8 {
    match operator {
        Operator::Add | Operator::Subtract => 1,
        Operator::Multiply | Operator::Divide => 2,
    }
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: String) -> ParseError {
        ParseError {
            column: self.at,
            message,
        }
    }

    fn skip_space(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_space();
        self.chars.get(self.at).copied()
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("the formula nests deeper than {MAX_DEPTH} levels")));
        }
        Ok(())
    }

    fn expression(&mut self) -> Result<Expr, ParseError> {
        self.enter()?;
        let mut left = self.term()?;
        loop {
            let operator = match self.peek() {
                Some('+') => Operator::Add,
                Some('-' | '−') => Operator::Subtract,
                _ => break,
            };
            self.at += 1;
            let right = self.term()?;
            left = Expr::Binary(operator, Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.unary()?;
        loop {
            let operator = match self.peek() {
                Some('*' | '×') => Operator::Multiply,
                Some('/' | '÷') => Operator::Divide,
                _ => break,
            };
            self.at += 1;
            let right = self.unary()?;
            left = Expr::Binary(operator, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if matches!(self.peek(), Some('-' | '−')) {
            self.at += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Negate(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        match self.peek() {
            None => Err(self
                .error("the formula ends where a number, a name or `(` was expected".to_owned())),
            Some('(') => {
                self.at += 1;
                let inner = self.expression()?;
                if self.peek() != Some(')') {
                    return Err(self.error("expected `)`".to_owned()));
                }
                self.at += 1;
                Ok(inner)
            }
            Some(c) if c.is_ascii_digit() || c == '.' => self.number(),
            Some(c) if c.is_alphabetic() || c == '_' => self.name(),
            Some(c) => Err(self.error(format!(
                "unexpected `{c}`; expected a number, a name or `(`"
            ))),
        }
    }

    fn number(&mut self) -> Result<Expr, ParseError> {
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(|c| c.is_ascii_digit() || *c == '.' || *c == '_')
        {
            self.at += 1;
        }
        if self
            .chars
            .get(self.at)
            .is_some_and(|c| *c == 'e' || *c == 'E')
        {
            self.at += 1;
            if self
                .chars
                .get(self.at)
                .is_some_and(|c| *c == '-' || *c == '+')
            {
                self.at += 1;
            }
            while self.chars.get(self.at).is_some_and(char::is_ascii_digit) {
                self.at += 1;
            }
        }
        let text: String = self.chars[start..self.at]
            .iter()
            .filter(|c| **c != '_')
            .collect();
        text.parse().map(Expr::Number).map_err(|_| ParseError {
            column: start,
            message: format!("`{text}` is not a number"),
        })
    }

    fn name(&mut self) -> Result<Expr, ParseError> {
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            self.at += 1;
        }
        let name: String = self.chars[start..self.at].iter().collect();
        if self.peek() != Some('(') {
            return Ok(Expr::Variable(name));
        }
        self.at += 1;
        if name == "fact" {
            let quote = self.peek();
            if !matches!(quote, Some('"' | '\'')) {
                return Err(self.error(
                    "`fact` takes a fact id in quotes: fact(\"gpu.rental-rate\")".to_owned(),
                ));
            }
            self.at += 1;
            let id_start = self.at;
            while self.chars.get(self.at).is_some_and(|c| Some(*c) != quote) {
                self.at += 1;
            }
            if self.at >= self.chars.len() {
                return Err(ParseError {
                    column: id_start - 1,
                    message: "the fact id's quote is not closed".to_owned(),
                });
            }
            let id: String = self.chars[id_start..self.at].iter().collect();
            self.at += 1;
            if self.peek() != Some(')') {
                return Err(self.error("expected `)` after the fact id".to_owned()));
            }
            self.at += 1;
            return Ok(Expr::Fact(id));
        }
        let function = match name.as_str() {
            "min" => Function::Min,
            "max" => Function::Max,
            "abs" => Function::Abs,
            _ => {
                return Err(ParseError {
                    column: start,
                    message: format!("unknown function `{name}`; known: min, max, abs, fact"),
                });
            }
        };
        let mut arguments = Vec::new();
        if self.peek() != Some(')') {
            loop {
                arguments.push(self.expression()?);
                match self.peek() {
                    Some(',') => self.at += 1,
                    Some(')') => break,
                    _ => return Err(self.error("expected `,` or `)`".to_owned())),
                }
            }
        }
        self.at += 1;
        let expected = match function {
            Function::Abs => arguments.len() == 1,
            Function::Min | Function::Max => !arguments.is_empty(),
        };
        if !expected {
            return Err(ParseError {
                column: start,
                message: format!(
                    "`{name}` takes {}",
                    if function == Function::Abs {
                        "one argument"
                    } else {
                        "one or more arguments"
                    }
                ),
            });
        }
        Ok(Expr::Call(function, arguments))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(formula: &str) -> f64 {
        let variables = |name: &str| match name {
            "money" => Some(5_000_000.0),
            "gpus" => Some(2000.0),
            _ => None,
        };
        let facts = |id: &str| (id == "rate").then_some(2.0);
        parse(formula).unwrap().eval(&variables, &facts).unwrap()
    }

    #[test]
    fn arithmetic_precedence_and_functions() {
        assert_eq!(eval("money / gpus"), 2500.0);
        assert_eq!(eval("money ÷ gpus ÷ fact(\"rate\")"), 1250.0);
        assert_eq!(eval("1 + 2 * 3"), 7.0);
        assert_eq!(eval("(1 + 2) × 3"), 9.0);
        assert_eq!(eval("−2 + max(1, 5, 3) - abs(-4)"), -1.0);
        assert_eq!(eval("1_000 * 1e3"), 1e6);
    }

    #[test]
    fn errors_point_at_the_column() {
        assert_eq!(parse("money / ").unwrap_err().column, 8);
        assert_eq!(parse("money $ gpus").unwrap_err().column, 6);
        assert_eq!(parse("sqrt(4)").unwrap_err().column, 0);
        assert!(
            parse(&"(".repeat(100))
                .unwrap_err()
                .message
                .contains("nests deeper")
        );
        let division = parse("1 / (gpus - 2000)")
            .unwrap()
            .eval(&|_| Some(2000.0), &|_| None);
        assert_eq!(division.unwrap_err().message, "division by zero");
    }

    #[test]
    fn renders_with_values() {
        let expr = parse("(money - 1) / gpus").unwrap();
        let shown = expr.render(&|expr| match expr {
            Expr::Variable(name) => name.to_string(),
            Expr::Number(value) => format!("{value}"),
            _ => String::new(),
        });
        assert_eq!(shown, "(money − 1) ÷ gpus");
    }
}
